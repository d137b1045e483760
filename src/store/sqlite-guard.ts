// SQLite faults as the port's StoreUnavailableError: locked, disk full, read-only, I/O errors, a file deleted under us.
import { statSync } from 'node:fs';
import { type Store, StoreUnavailableError } from './store.ts';

/** Primary result codes that mean "the database cannot be used right now", each with what to tell the operator. */
const OUTAGES: Record<string, string> = {
  SQLITE_BUSY: 'is locked by another connection',
  SQLITE_LOCKED: 'is locked by another connection',
  SQLITE_FULL: 'cannot grow: the disk is full',
  SQLITE_READONLY: 'is read-only',
  SQLITE_IOERR: 'hit a disk I/O error (disk full, over a size limit, or failing)',
  SQLITE_CANTOPEN: 'cannot be opened',
};

/** An outage as StoreUnavailableError naming the file and the code; any other error (a bug) is returned as it is. */
function toStoreError(error: unknown, path: string): unknown {
  if (error instanceof StoreUnavailableError) return error;
  const code = (error as { code?: unknown } | null)?.code;
  // Extended codes (SQLITE_BUSY_SNAPSHOT, SQLITE_IOERR_WRITE, SQLITE_READONLY_DBMOVED) share their primary's meaning.
  const primary = typeof code === 'string' ? /^SQLITE_[A-Z]+/.exec(code)?.[0] : undefined;
  const reason = primary ? OUTAGES[primary] : undefined;
  if (!reason) return error;
  return new StoreUnavailableError(`The SQLite database ${path} ${reason} (${String(code)}).`, {
    cause: error,
  });
}

/** The file's identity (device and inode), or null when nothing is at `path`. */
function identity(path: string): string | null {
  const stat = statSync(path, { throwIfNoEntry: false });
  return stat ? `${stat.dev}:${stat.ino}` : null;
}

/**
 * Every call maps outages to StoreUnavailableError, and first checks the file is still the one opened: SQLite keeps
 * writing to a deleted file's inode without complaint, so an acknowledged answer would vanish at the next restart.
 */
export function guardSqliteStore(store: Store, path: string): Store {
  const onDisk = path !== '' && path !== ':memory:';
  const opened = onDisk ? identity(path) : null;
  const checkFile = () => {
    if (onDisk && identity(path) !== opened) {
      throw new StoreUnavailableError(
        `The SQLite database ${path} was deleted or replaced while srm-bot was running; storage stays off ` +
          'until a restart, so nothing is written where it would be lost (restore the file first if it was removed by mistake).',
      );
    }
  };
  const guard =
    <A extends unknown[], R>(call: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      try {
        checkFile();
        return await call(...args);
      } catch (error) {
        throw toStoreError(error, path);
      }
    };
  const guarded = Object.fromEntries(
    Object.entries(store).map(([name, call]) => [
      name,
      name === 'close' ? call : guard(call as (...args: unknown[]) => Promise<unknown>),
    ]),
  );
  return guarded as unknown as Store;
}
