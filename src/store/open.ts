// Picks the engine from DATABASE_URL: postgres:// → PostgreSQL, anything else (file:, a path, empty) → SQLite.
import { fileURLToPath } from 'node:url';
import { createPostgresStore } from './postgres.ts';
import { createSqliteStore } from './sqlite.ts';
import type { Store } from './store.ts';

export const DEFAULT_DATABASE_URL = 'file:./data/srm.db';

/** The SQLite path for a `file:` URL or plain path; `file:./x.db` is relative to the working directory. */
export function sqlitePath(databaseUrl: string): string {
  const url = databaseUrl.trim() || DEFAULT_DATABASE_URL;
  if (!url.startsWith('file:')) return url;
  // file:///abs and file://localhost/abs are real URLs; file:./rel and file:/abs are the common shorthand.
  if (url.startsWith('file://')) return fileURLToPath(url);
  return decodeURIComponent(url.slice('file:'.length).split('?')[0] as string);
}

export async function openStore(databaseUrl: string): Promise<Store> {
  if (/^postgres(ql)?:\/\//i.test(databaseUrl.trim())) return createPostgresStore(databaseUrl.trim());
  return createSqliteStore(sqlitePath(databaseUrl));
}
