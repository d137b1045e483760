// Runs the store contract against SQLite (a temp file each time), plus SQLite-only checks.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { createSqliteStore } from '../../src/store/sqlite.ts';
import { storeContract } from './store.contract.ts';

const dir = mkdtempSync(join(tmpdir(), 'srm-sqlite-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const freshPath = () => join(dir, `db-${n++}.db`);
const question = { topicId: 'guest-os-patching', serviceId: null, owner: 'Customer' as const };

storeContract('sqlite', async () => createSqliteStore(freshPath()));

describe('sqlite store on disk', () => {
  it('keeps data across a reopen of the same file', async () => {
    const path = freshPath();
    const first = createSqliteStore(path);
    const quiz = await first.claimPost('C1', '2026-03-02', question, new Date());
    await first.recordAnswer({
      quizId: quiz?.id as string,
      userId: 'U1',
      choice: 'Customer',
      at: new Date(),
    });
    await first.close();
    const again = createSqliteStore(path);
    expect(await again.listAnswers({ channel: 'C1' })).toHaveLength(1);
    expect(await again.claimPost('C1', '2026-03-02', question, new Date())).toBeNull();
    await again.close();
  });

  it('runs in WAL mode with its migrations recorded', async () => {
    const path = freshPath();
    await createSqliteStore(path).close();
    const db = new Database(path, { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.prepare('SELECT version FROM schema_migrations').all()).toEqual([{ version: 1 }]);
    db.close();
  });

  it('refuses a file that is not a database, naming the file', () => {
    const path = freshPath();
    writeFileSync(
      path,
      'this is not a database, just some text that is long enough to fill a header page '.repeat(80),
    );
    expect(() => createSqliteStore(path)).toThrow(
      /Cannot use the SQLite database at .*db-\d+\.db: .*not a database/,
    );
  });

  it('refuses a path whose parent cannot be created', () => {
    const blocker = freshPath();
    writeFileSync(blocker, '');
    expect(() => createSqliteStore(join(blocker, 'sub', 'x.db'))).toThrow(
      /Cannot use the SQLite database at/,
    );
  });

  it('keeps an acknowledged answer when the process is SIGKILLed right after', async () => {
    const path = freshPath();
    const setup = createSqliteStore(path);
    const quiz = await setup.claimPost('C1', '2026-03-02', question, new Date());
    await setup.close();
    const child = spawn(
      'npx',
      ['tsx', join(import.meta.dirname, 'fixtures', 'answer-then-die.ts'), path, quiz?.id as string],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
        detached: true, // own process group, so the kill reaches tsx's node child and not just npx
      },
    );
    const status = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        process.kill(-(child.pid as number), 'SIGKILL'); // the instant it resolved: no close, no checkpoint
        resolve(chunk.toString().trim());
      });
      child.on('exit', (code) => reject(new Error(`fixture exited early with ${code}`)));
    });
    expect(status).toBe('accepted');
    await new Promise((resolve) => child.once('exit', resolve));
    const reopened = createSqliteStore(path);
    expect((await reopened.listAnswers({ userId: 'U-killed' })).map((a) => a.choice)).toEqual(['Shared']);
    await reopened.close();
  });
});
