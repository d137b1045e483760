// Bench: the quiz click load spread round-robin over three bot processes on one PostgreSQL, beside one on SQLite.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFakeSlack } from '../test/helpers/fake-slack.ts';
import { createThrowawaySchema } from '../test/replicas/pg-schema.ts';
import { type ClickRun, describeRun, measureClickLoads, WARM_UP_CLICKS } from './click-load.ts';
import { measureSqlite } from './quiz.bench.ts';

const REPLICAS = 3;

/** A PostgreSQL URL to bench against: the test database, or DATABASE_URL when that is PostgreSQL. */
function postgresUrl(): string | undefined {
  const candidates = [process.env.TEST_DATABASE_URL, process.env.DATABASE_URL];
  return candidates.find((u) => u && /^postgres(ql)?:\/\//i.test(u));
}

export async function run(): Promise<{ postgres: ClickRun[]; sqlite: ClickRun[] } | undefined> {
  const url = postgresUrl();
  if (!url) {
    console.log('skipped: set TEST_DATABASE_URL (eval "$(bash .ci/postgres.sh)")');
    return undefined;
  }
  const dir = mkdtempSync(join(tmpdir(), 'srm-replicas-bench-'));
  const slack = await startFakeSlack();
  // A schema of its own, so the bench never touches tables a real bot uses in the same database.
  const schema = await createThrowawaySchema(url, 'bench');
  let postgres: ClickRun[];
  try {
    postgres = await measureClickLoads({
      openStore: schema.open,
      databaseUrl: schema.url,
      replicas: REPLICAS,
      cwd: dir,
      slack,
    });
  } finally {
    // Local clean-up first: dropping the schema is the step that fails when the database is gone.
    await slack.close();
    rmSync(dir, { recursive: true, force: true });
    await schema.drop();
  }
  // The same load on one replica with the default SQLite store: what scaling out costs per click.
  const { runs: sqlite } = await measureSqlite();

  console.log(
    `PostgreSQL ${new URL(url).host}, ${REPLICAS} bot processes behind a round-robin client; SQLite: one process on a file; each process timed after ${WARM_UP_CLICKS} warm-up clicks`,
  );
  for (const [k, pg] of postgres.entries()) {
    console.log(`PostgreSQL  ${describeRun(pg, REPLICAS)}`);
    const lite = sqlite[k];
    if (lite) console.log(`SQLite      ${describeRun(lite, 1)}`);
  }
  const wrong = [...postgres, ...sqlite].find((r) => !r.once);
  if (wrong)
    throw new Error(`${wrong.name}: expected ${wrong.clicks} answers recorded once, got ${wrong.recorded}`);
  return { postgres, sqlite };
}
