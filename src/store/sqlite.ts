// SQLite Store (better-sqlite3): WAL, fsync on commit, versioned migrations, and a clear error for a bad file.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { Migration } from './migrations/migration.ts';
import { pendingMigrations } from './migrations/migration.ts';
import { sqliteMigrations } from './migrations/sqlite.ts';
import { buildRows, normalizeQuestion, type ReportInput } from './report.ts';
import { parseId } from './rows.ts';
import { guardSqliteStore } from './sqlite-guard.ts';
import { createSqliteQuizPart } from './sqlite-quiz.ts';
import { DEFAULT_EVENT_KEEP_MS, type Store } from './store.ts';

type Db = Database.Database;

/**
 * Lock wait once running. better-sqlite3 is synchronous, so a wait freezes the whole bot; writes here take
 * milliseconds, and a quiz click must be recorded and acknowledged within Slack's 3 s. (Opening waits longer:
 * another process may be migrating the file.)
 */
const BUSY_TIMEOUT_MS = 1_000;

function migrate(db: Db, migrations: readonly Migration[]): void {
  db.exec(
    'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)',
  );
  // IMMEDIATE takes the write lock first, so two processes opening one file cannot both migrate.
  db.transaction(() => {
    const rows = db.prepare('SELECT version FROM schema_migrations').all() as { version: number }[];
    for (const m of pendingMigrations(migrations, new Set(rows.map((r) => r.version)))) {
      db.exec(m.sql);
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(
        m.version,
        m.name,
        Date.now(),
      );
    }
  }).immediate();
}

/** Open, check and migrate; any failure closes the handle and says which file and why. */
function openDatabase(path: string): Db {
  let db: Db | undefined;
  try {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    db = new Database(path);
    db.pragma('busy_timeout = 5000');
    db.pragma('journal_mode = WAL');
    // FULL: each commit is fsynced before the call returns, so an acknowledged click survives a crash.
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new Error(`integrity check failed: ${String(check)}`);
    migrate(db, sqliteMigrations);
    // SQLite silently opens a read-only file read-only; a write now beats a failing click later.
    db.exec('CREATE TABLE IF NOT EXISTS store_meta (key TEXT PRIMARY KEY, value TEXT)');
    db.prepare("INSERT OR REPLACE INTO store_meta (key, value) VALUES ('opened_at', ?)").run(
      new Date().toISOString(),
    );
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    return db;
  } catch (error) {
    db?.close();
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(
      `Cannot use the SQLite database at ${path}: ${reason}. Check that it is a writable srm-bot database, or point DATABASE_URL elsewhere.`,
      { cause: error },
    );
  }
}

export function createSqliteStore(path: string): Store {
  const db = openDatabase(path);
  const claimEvent = db.transaction((eventId: string, now: number, keepFor: number) => {
    db.prepare('DELETE FROM event_claims WHERE claimed_at < ?').run(now - keepFor);
    return (
      db.prepare('INSERT OR IGNORE INTO event_claims (event_id, claimed_at) VALUES (?, ?)').run(eventId, now)
        .changes === 1
    );
  });
  const insertQuestion = db.prepare(
    'INSERT INTO questions (text, norm, answered, topic_id, at) VALUES (?, ?, ?, ?, ?)',
  );
  const upsertFeedback = db.prepare(`
    INSERT INTO feedback (question_id, user_id, vote, reason, at)
    SELECT @id, @user, @vote, @reason, @at WHERE EXISTS (SELECT 1 FROM questions WHERE id = @id)
    ON CONFLICT (question_id, user_id) DO UPDATE SET vote = excluded.vote, reason = excluded.reason, at = excluded.at`);

  // Outages (locked, disk full, file deleted) reach callers as StoreUnavailableError: "try again in a minute".
  const store: Store = {
    ...createSqliteQuizPart(db),

    async claimEvent(eventId, now, keepFor = DEFAULT_EVENT_KEEP_MS) {
      return claimEvent.immediate(eventId, now.getTime(), keepFor);
    },

    async logQuestion(q) {
      const info = insertQuestion.run(
        q.text,
        normalizeQuestion(q.text),
        q.answered ? 1 : 0,
        q.topicId,
        q.at.getTime(),
      );
      return String(info.lastInsertRowid);
    },

    async recordFeedback(f) {
      const id = parseId(f.questionId);
      if (id !== null)
        upsertFeedback.run({
          id,
          user: f.userId,
          vote: f.vote,
          reason: f.reason ?? null,
          at: f.at.getTime(),
        });
    },

    async report() {
      const unanswered = db
        .prepare('SELECT norm, text FROM questions WHERE answered = 0 ORDER BY id')
        .all() as ReportInput[];
      const downvoted = db
        .prepare(
          `SELECT q.norm, q.text, f.reason FROM feedback f JOIN questions q ON q.id = f.question_id
           WHERE f.vote = 'down' ORDER BY q.id, f.at`,
        )
        .all() as ReportInput[];
      return { unanswered: buildRows(unanswered, false), downvoted: buildRows(downvoted, true) };
    },

    async close() {
      if (db.open) db.close();
    },
  };
  return guardSqliteStore(store, path);
}
