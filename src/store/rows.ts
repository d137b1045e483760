// Small helpers every engine shares when turning database rows into port types.
import type { Owner } from '../core/types.ts';
import type { AnswerCounts, Store } from './store.ts';

/** The quiz methods of the port, built separately so each engine file stays small. */
export type QuizPart = Pick<
  Store,
  | 'getQuizSettings'
  | 'saveQuizSettings'
  | 'claimPost'
  | 'releasePost'
  | 'createPractice'
  | 'updateQuiz'
  | 'getQuiz'
  | 'listQuizzes'
  | 'recordAnswer'
  | 'listAnswers'
>;

/** Parse a stored id; ids from button values are untrusted, and PostgreSQL rejects non-numeric bigint input. */
export function parseId(id: string): number | null {
  return /^\d{1,15}$/.test(id) ? Number(id) : null;
}

/** Zero counts for every option, so renderers never meet a missing key. */
export function emptyCounts(): AnswerCounts {
  return { AWS: 0, Customer: 0, Shared: 0 };
}

/** Fold `choice, n` rows (n may arrive as a string from PostgreSQL's count) into counts. */
export function toCounts(rows: readonly { choice: string; n: number | string }[]): AnswerCounts {
  const counts = emptyCounts();
  for (const row of rows) counts[row.choice as Owner] += Number(row.n);
  return counts;
}
