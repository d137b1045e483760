// A throwaway PostgreSQL schema that bot processes reach through DATABASE_URL alone (no CREATEDB needed).
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createPostgresStore } from '../../src/store/postgres.ts';
import type { Store } from '../../src/store/store.ts';

export interface ThrowawaySchema {
  schema: string;
  /** DATABASE_URL for a bot process: the base URL with search_path and application_name set to `schema`. */
  url: string;
  /** A store of our own on the schema (seeding, checks); pool errors during an outage are expected, so quiet. */
  open(): Promise<Store>;
  /** DROP SCHEMA … CASCADE; the processes using it should be gone by then. */
  drop(): Promise<void>;
}

/** Postgres identifiers: lower case, digits and `_`, so the name needs no quoting anywhere. */
const newSchemaName = (tag: string) =>
  `srm_${tag.toLowerCase().replace(/[^a-z0-9]/g, '')}_${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;

/**
 * Creates and migrates a fresh schema in the database of `baseUrl`. The test role owns that database but
 * may not create databases (CI's srm_ci cannot), so a schema per run is the unit of isolation. libpq's
 * `options=-c search_path=…` in the URL puts every replica in it without any change to the bot; the
 * `application_name` lets a test find exactly these replicas' connections in pg_stat_activity.
 */
export async function createThrowawaySchema(baseUrl: string, tag: string): Promise<ThrowawaySchema> {
  const schema = newSchemaName(tag);
  const open = () => createPostgresStore(baseUrl, { schema, onError: () => {} });
  // Creating the schema and its tables first means the replicas start on a migrated schema, as in production.
  await (await open()).close();
  const url = new URL(baseUrl);
  url.searchParams.set('options', `-c search_path=${schema}`);
  url.searchParams.set('application_name', schema);
  return {
    schema,
    url: url.toString(),
    open,
    async drop() {
      const admin = new pg.Client({ connectionString: baseUrl });
      admin.on('error', () => {}); // a server restart must fail the query, not the process
      await admin.connect();
      try {
        await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      } finally {
        await admin.end();
      }
    },
  };
}
