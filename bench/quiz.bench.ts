// Bench: 1,000 signed quiz clicks from 200 users against the real app process (HTTP, loopback, SQLite file).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSqliteStore } from '../src/store/sqlite.ts';
import { startFakeSlack } from '../test/helpers/fake-slack.ts';
import { type ClickRun, describeRun, measureClickLoads, WARM_UP_CLICKS } from './click-load.ts';

/** One bot process on a fresh SQLite file; also the single-replica baseline the replica bench prints. */
export async function measureSqlite(): Promise<{ runs: ClickRun[]; counterUpdates: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'srm-quiz-bench-'));
  const db = join(dir, 'bench.db');
  const slack = await startFakeSlack();
  try {
    const runs = await measureClickLoads({
      openStore: async () => createSqliteStore(db),
      databaseUrl: `file:${db}`,
      replicas: 1,
      cwd: dir,
      slack,
    });
    return { runs, counterUpdates: slack.callsTo('chat.update').length };
  } finally {
    await slack.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function run(): Promise<
  Record<string, { clicks: number; recorded: number; p50Ms: number; p99Ms: number }>
> {
  const { runs, counterUpdates } = await measureSqlite();
  console.log(
    `store: SQLite file (WAL, synchronous=FULL); bot in its own process, timed after ${WARM_UP_CLICKS} warm-up clicks; ${counterUpdates} counter chat.update calls in all (coalesced)`,
  );
  const summary: Awaited<ReturnType<typeof run>> = {};
  for (const r of runs) {
    console.log(describeRun(r, 1));
    summary[r.name] = { clicks: r.clicks, recorded: r.recorded, p50Ms: r.p50Ms, p99Ms: r.p99Ms };
  }
  const wrong = runs.find((r) => !r.once);
  if (wrong)
    throw new Error(`${wrong.name}: expected ${wrong.clicks} answers recorded once, got ${wrong.recorded}`);
  return summary;
}
