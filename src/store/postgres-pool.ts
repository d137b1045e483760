// PostgreSQL plumbing: a resilient pool, outage errors mapped to StoreUnavailableError, migrations under a lock.
import pg from 'pg';
import { type Migration, pendingMigrations } from './migrations/migration.ts';
import { StoreUnavailableError } from './store.ts';

export type Query = <R extends pg.QueryResultRow = Record<string, unknown>>(
  text: string,
  values?: unknown[],
) => Promise<pg.QueryResult<R>>;

// Connection classes (08), operator intervention such as a server restart (57P0x), and socket-level failures.
const OUTAGE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EHOSTUNREACH',
]);

export function isOutage(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: string }).code ?? '';
  if (OUTAGE_CODES.has(code) || code.startsWith('08') || code.startsWith('57P')) return true;
  return /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|connection is closed/i.test(
    error.message,
  );
}

/** Rethrow an outage as StoreUnavailableError (the Slack layer answers "try again in a minute"); others as they are. */
export function translate(error: unknown): unknown {
  return isOutage(error) ? new StoreUnavailableError(undefined, { cause: error }) : error;
}

export interface PoolOptions {
  /** Schema to create and use (tests use a throwaway one per run). */
  schema?: string;
  /** Where background connection errors go; they must never crash the process. */
  onError?: (error: Error) => void;
}

export function createPool(url: string, options: PoolOptions): { pool: pg.Pool; query: Query } {
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    // Fail fast during an outage so a click gets "try again" instead of hanging past Slack's 3 s.
    connectionTimeoutMillis: 2_000,
    idleTimeoutMillis: 30_000,
    keepAlive: true,
    ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
  });
  // An idle client losing its server emits here; unhandled, Node would exit. The pool replaces it on next use.
  pool.on('error', (error) => (options.onError ?? defaultOnError)(error));
  const query: Query = async (text, values) => {
    try {
      return await pool.query(text, values);
    } catch (error) {
      throw translate(error);
    }
  };
  return { pool, query };
}

function defaultOnError(error: Error): void {
  console.warn(`srm-bot: PostgreSQL connection lost (${error.message}); will reconnect on next use`);
}

/** Apply pending migrations once, even when several replicas start together (advisory lock per schema). */
export async function migrate(
  pool: pg.Pool,
  migrations: readonly Migration[],
  schema?: string,
): Promise<void> {
  const client = await pool.connect().catch((error) => Promise.reject(translate(error)));
  // A checked-out client has no pool listener, and a server going away makes it emit 'error' even after the
  // statement in flight has failed; unheard, that would end the process instead of rejecting here.
  let lost: Error | undefined;
  const onLost = (error: Error) => {
    lost = error;
  };
  client.on('error', onLost);
  try {
    // Lock before CREATE SCHEMA too: concurrent CREATE SCHEMA IF NOT EXISTS can still collide.
    const key = `srm-bot:migrations:${schema ?? ''}`;
    await client.query('SELECT pg_advisory_lock(hashtext($1))', [key]);
    try {
      if (schema) await client.query(`CREATE SCHEMA IF NOT EXISTS "${schema.replaceAll('"', '')}"`);
      await client.query(
        'CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())',
      );
      const { rows } = await client.query<{ version: number }>('SELECT version FROM schema_migrations');
      for (const m of pendingMigrations(migrations, new Set(rows.map((r) => r.version)))) {
        await client.query('BEGIN');
        try {
          await client.query(m.sql);
          await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [
            m.version,
            m.name,
          ]);
          await client.query('COMMIT');
        } catch (error) {
          await client.query('ROLLBACK').catch(() => {});
          throw error;
        }
      }
    } finally {
      await client.query('SELECT pg_advisory_unlock(hashtext($1))', [key]).catch(() => {});
    }
  } catch (error) {
    throw translate(error);
  } finally {
    client.off('error', onLost);
    // A broken connection is destroyed rather than handed to the next caller.
    client.release(lost);
  }
}
