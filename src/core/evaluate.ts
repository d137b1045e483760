// Scores an engine against labelled questions: accuracy, abstention, confident-wrong, confusion and misses.
import type { Engine, Owner } from './types.ts';

export interface EvalCase {
  id: string;
  q: string;
  /** Expected owner; null for an off-topic question, or for one whose owner depends on the service. */
  owner: Owner | null;
  service?: string | null;
  offtopic?: boolean;
  /** On-topic, but names no service and the owner differs by service: the per-service breakdown is right. */
  depends?: boolean;
}

/** What the engine said, in one word: an owner, `depends` or `unsure`. */
export type Got = Owner | 'depends' | 'unsure';

export interface EvalMiss {
  id: string;
  q: string;
  expected: Owner | 'depends' | 'off-topic';
  got: Got;
  topic: string | null;
}

export interface EvalReport {
  onTopic: number;
  correct: number;
  offTopic: number;
  abstained: number;
  confidentWrong: number;
  total: number;
  /** expected (owner or `off-topic`) → got → count. */
  confusion: Map<string, Map<Got, number>>;
  misses: EvalMiss[];
}

export function evaluate(engine: Engine, cases: readonly EvalCase[]): EvalReport {
  const report: EvalReport = {
    onTopic: 0,
    correct: 0,
    offTopic: 0,
    abstained: 0,
    confidentWrong: 0,
    total: cases.length,
    confusion: new Map(),
    misses: [],
  };
  for (const c of cases) {
    const answer = engine.ask(c.q);
    const got: Got = answer.kind === 'answered' ? answer.owner : answer.kind;
    const topic = answer.kind === 'unsure' ? null : answer.topic.id;
    const depends = c.owner === null && c.depends === true;
    const expected = c.owner ?? (depends ? 'depends' : 'off-topic');
    const row = report.confusion.get(expected) ?? new Map<Got, number>();
    row.set(got, (row.get(got) ?? 0) + 1);
    report.confusion.set(expected, row);
    const offTopic = !depends && (c.owner === null || c.offtopic === true);
    const right = offTopic ? answer.kind === 'unsure' : got === expected;
    if (offTopic) {
      report.offTopic++;
      if (right) report.abstained++;
    } else {
      report.onTopic++;
      if (right) report.correct++;
    }
    if (answer.kind === 'answered' && !right) report.confidentWrong++;
    if (!right) report.misses.push({ id: c.id, q: c.q, expected, got, topic });
  }
  return report;
}

/** Percent with one decimal; 100 when there is nothing to measure. */
export function percent(part: number, whole: number): number {
  return whole === 0 ? 100 : Math.round((1000 * part) / whole) / 10;
}
