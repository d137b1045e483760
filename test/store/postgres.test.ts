// Runs the store contract against a real PostgreSQL (TEST_DATABASE_URL), each store in a throwaway schema.
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { createPostgresStore } from '../../src/store/postgres.ts';
import { StoreUnavailableError } from '../../src/store/store.ts';
import { storeContract } from './store.contract.ts';

const url = process.env.TEST_DATABASE_URL;
if (!url) {
  console.info(
    'postgres store tests SKIPPED: TEST_DATABASE_URL is not set. Enable with: eval "$(.ci/postgres.sh)" && npx vitest run test/store',
  );
}

// One prefix per run, so parallel or aborted runs never see each other's tables.
const run = `srm_t${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
let n = 0;
const quiet = { onError: () => {} };

/** The test URL with `application_name` set, so a test can find (and cut) exactly one store's connections. */
function namedUrl(schema: string): string {
  const named = new URL(url as string);
  named.searchParams.set('application_name', schema);
  return named.toString();
}

// CI must exercise PostgreSQL: a missing database there is a failure, not a skip.
it.runIf(!url && process.env.CI)('has a PostgreSQL database in CI', () => {
  expect.fail('TEST_DATABASE_URL is not set in CI: .ci/run should have started PostgreSQL');
});

describe.skipIf(!url)('postgres', () => {
  storeContract('postgres', () => createPostgresStore(url as string, { schema: `${run}_${n++}`, ...quiet }));

  it('migrates once when several replicas start together', async () => {
    const schema = `${run}_replicas`;
    const stores = await Promise.all(
      [1, 2, 3].map(() => createPostgresStore(url as string, { schema, ...quiet })),
    );
    const claims = await Promise.all(
      stores.map((s) =>
        s.claimPost('C1', '2026-03-02', { topicId: 't', serviceId: null, owner: 'AWS' }, new Date()),
      ),
    );
    expect(claims.filter(Boolean)).toHaveLength(1);
    await Promise.all(stores.map((s) => s.close()));
  });

  it('rejects with StoreUnavailableError when the server cannot be reached', async () => {
    const dead = new URL(url as string);
    dead.port = '1'; // nothing listens on port 1
    await expect(createPostgresStore(dead.toString(), quiet)).rejects.toBeInstanceOf(StoreUnavailableError);
  });

  it('rejects with StoreUnavailableError, not a crash, when the server drops it while migrating', async () => {
    const schema = `${run}_dropped`;
    const admin = new pg.Client({ connectionString: url });
    admin.on('error', () => {});
    await admin.connect();
    // Holding the migration lock parks the store inside migrate(), its client checked out of the pool.
    await admin.query('SELECT pg_advisory_lock(hashtext($1))', [`srm-bot:migrations:${schema}`]);
    const opening = createPostgresStore(namedUrl(schema), { schema, ...quiet });
    const waiting = async () =>
      (
        await admin.query(
          "SELECT 1 FROM pg_stat_activity WHERE application_name = $1 AND wait_event_type = 'Lock'",
          [schema],
        )
      ).rowCount === 1;
    for (let i = 0; i < 200 && !(await waiting()); i++) await new Promise((r) => setTimeout(r, 25));
    await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1', [
      schema,
    ]);
    await expect(opening).rejects.toBeInstanceOf(StoreUnavailableError);
    // The socket's close (and the client's 'error' event) follows the failed statement.
    await new Promise((r) => setTimeout(r, 100));
    await admin.end();
  });

  it('survives its connections being killed, and resumes by itself', async () => {
    const schema = `${run}_outage`;
    const store = await createPostgresStore(namedUrl(schema), { schema, ...quiet });
    const quiz = await store.claimPost(
      'C1',
      '2026-03-02',
      { topicId: 't', serviceId: null, owner: 'AWS' },
      new Date(),
    );
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    // What a PostgreSQL restart does to a replica: every server connection is cut. Only this store's: other
    // test files share the database, and a non-superuser may not terminate e.g. an autovacuum worker in it.
    const { rowCount } = await admin.query(
      'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1',
      [schema],
    );
    expect(rowCount).toBeGreaterThan(0);
    await admin.end();
    const outcomes: string[] = [];
    for (let i = 0; i < 5; i++) {
      try {
        await store.recordAnswer({
          quizId: quiz?.id as string,
          userId: `U${i}`,
          choice: 'AWS',
          at: new Date(),
        });
        outcomes.push('ok');
      } catch (error) {
        expect(error).toBeInstanceOf(StoreUnavailableError);
        outcomes.push('unavailable');
      }
    }
    expect(outcomes.at(-1)).toBe('ok');
    await store.close();
  });
});

afterAll(async () => {
  if (!url) return;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  const { rows } = await admin.query<{ nspname: string }>(
    'SELECT nspname FROM pg_namespace WHERE nspname LIKE $1',
    [`${run}%`],
  );
  for (const { nspname } of rows) await admin.query(`DROP SCHEMA "${nspname}" CASCADE`);
  await admin.end();
});
