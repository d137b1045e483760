// `npm run report` CLI over a real SQLite file: unanswered and 👎 questions with counts, and never who asked or voted.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSqliteStore } from '../../src/store/sqlite.ts';
import type { DownvoteReason, UsageReport } from '../../src/store/store.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'srm-report-'));
const databaseUrl = `file:${join(dir, 'srm.db')}`;
const USERS = ['UALICE0001', 'UBOB000002', 'UCAROL0003', 'UDAVE00004'];

beforeAll(async () => {
  const store = createSqliteStore(join(dir, 'srm.db'));
  const at = new Date('2026-03-02T09:00:00Z');
  const ask = (text: string, answered: boolean) =>
    store.logQuestion({ text, answered, topicId: answered ? 'iam-access-keys' : null, at });
  await ask('How many moons does Jupiter have?', false);
  await ask('how many moons does jupiter have', false); // same question, other spelling: one row
  await ask('best pizza near the office?', false);
  const keys = await ask('who rotates the IAM access keys?', true);
  const keysAgain = await ask('Who rotates the IAM access keys', true);
  const liked = await ask('who patches the guest OS on EC2?', true);
  const vote = (questionId: string, user: number, direction: 'up' | 'down', reason?: DownvoteReason) =>
    store.recordFeedback({ questionId, userId: USERS[user] as string, vote: direction, reason, at });
  // A 👎 then its reason is one vote per person (the reason replaces it); 👍 never shows up.
  await vote(keys, 0, 'down');
  await vote(keys, 0, 'down', 'wrong-owner');
  await vote(keys, 1, 'down');
  await vote(keysAgain, 2, 'down', 'bad-source');
  await vote(liked, 3, 'up');
  await store.close();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs `npm run report` as a user would, against the temp database. */
function report(...args: string[]): string {
  const r = spawnSync('npm', ['run', '--silent', 'report', '--', ...args], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: databaseUrl },
    encoding: 'utf8',
    timeout: 30_000,
  });
  expect(r.status, r.stderr).toBe(0);
  return r.stdout;
}

describe('npm run report', () => {
  it('lists unanswered and downvoted questions with counts and reasons, most frequent first', () => {
    const out = report();
    expect(out.split('\n')).toEqual([
      'Unanswered questions (2):',
      '     2×  How many moons does Jupiter have?',
      '     1×  best pizza near the office?',
      '',
      'Downvoted answers (1):',
      '     3×  who rotates the IAM access keys?  (wrong owner 1, missing or bad source 1)',
      '',
    ]);
    for (const user of USERS) expect(out).not.toContain(user);
  });

  it('--json carries the same counts and no user ids', () => {
    const out = report('--json');
    const parsed = JSON.parse(out) as UsageReport;
    expect(parsed.unanswered.map((r) => r.count)).toEqual([2, 1]);
    expect(parsed.downvoted).toEqual([
      { text: 'who rotates the IAM access keys?', count: 3, reasons: { 'wrong-owner': 1, 'bad-source': 1 } },
    ]);
    for (const user of USERS) expect(out).not.toContain(user);
  });
});
