// npm run report [-- --json]: unanswered and 👎 questions with counts, so the knowledge base grows where it is needed.
import { loadDatabaseUrl } from '../config.ts';
import { openStore } from '../store/open.ts';
import type { DownvoteReason, ReportRow, UsageReport } from '../store/store.ts';

const REASON_LABEL: Record<DownvoteReason, string> = {
  'wrong-owner': 'wrong owner',
  'bad-source': 'missing or bad source',
  'not-what-i-asked': 'not what I asked',
};

function rowLine(row: ReportRow): string {
  const reasons = Object.entries(row.reasons ?? {})
    .filter(([, n]) => (n ?? 0) > 0)
    .map(([reason, n]) => `${REASON_LABEL[reason as DownvoteReason]} ${n}`);
  return `  ${`${row.count}×`.padStart(5)}  ${row.text}${reasons.length > 0 ? `  (${reasons.join(', ')})` : ''}`;
}

/** Plain text for a terminal; questions only, never who asked or voted. */
export function formatReport(report: UsageReport): string {
  const part = (title: string, rows: ReportRow[]): string =>
    rows.length === 0 ? `${title}: none` : `${title} (${rows.length}):\n${rows.map(rowLine).join('\n')}`;
  return `${part('Unanswered questions', report.unanswered)}\n\n${part('Downvoted answers', report.downvoted)}\n`;
}

async function main(): Promise<void> {
  const store = await openStore(loadDatabaseUrl());
  try {
    const report = await store.report();
    process.stdout.write(
      process.argv.includes('--json') ? `${JSON.stringify(report, null, 2)}\n` : formatReport(report),
    );
  } finally {
    await store.close();
  }
}

main().catch((error: Error) => {
  process.stderr.write(`${error.message}\n`);
  process.exitCode = 1;
});
