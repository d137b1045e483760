// Shared by every engine: question-text normalisation and report assembly, so reports agree across engines.
import type { DownvoteReason, ReportRow } from './store.ts';

/** Lower-case, collapse spaces and drop surrounding punctuation, so "Who patches EC2?" and "who patches ec2" group. */
export function normalizeQuestion(text: string): string {
  return text
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/^[\s\p{P}]+|[\s\p{P}]+$/gu, '')
    .trim();
}

/** One row per question as stored: the normalised key, the text shown, and the reason when downvoted. */
export interface ReportInput {
  norm: string;
  text: string;
  reason?: DownvoteReason | null;
}

/** Group rows by normalised text, most frequent first (ties: alphabetical, for stable output). */
export function buildRows(rows: ReportInput[], withReasons: boolean): ReportRow[] {
  const groups = new Map<string, ReportRow>();
  for (const row of rows) {
    let group = groups.get(row.norm);
    if (!group) {
      // The first text seen stands for the group; the normalised key alone reads badly.
      group = { text: row.text, count: 0, ...(withReasons ? { reasons: {} } : {}) };
      groups.set(row.norm, group);
    }
    group.count += 1;
    if (withReasons && row.reason && group.reasons) {
      group.reasons[row.reason] = (group.reasons[row.reason] ?? 0) + 1;
    }
  }
  return [...groups.values()].sort((a, b) => b.count - a.count || a.text.localeCompare(b.text));
}
