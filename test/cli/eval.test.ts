// `npm run eval` CLI: report ends with the summary line; malformed lines are reported, not fatal.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'srm-eval-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('eval CLI', () => {
  it('prints the summary as its last line and reports malformed lines', () => {
    const file = join(dir, 'mini.jsonl');
    writeFileSync(
      file,
      [
        '{"id":"a","q":"who secures the hypervisor?","owner":"AWS","service":null}',
        'not json',
        '{"id":"b","q":"how many moons does jupiter have","owner":null,"offtopic":true}',
        '{"id":"c","owner":"Nobody"}',
      ].join('\n'),
    );
    const r = spawnSync('npx', ['tsx', 'src/cli/eval.ts', file], {
      cwd: root,
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(r.status).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines.at(-1)).toMatch(/^accuracy \d+(\.\d)?% abstention \d+(\.\d)?% confident-wrong \d+$/);
    expect(lines.at(-1)).toBe('accuracy 100% abstention 100% confident-wrong 0');
    expect(r.stdout).toMatch(/malformed line 2/);
    expect(r.stdout).toMatch(/malformed line 4/);
    expect(r.stdout).toMatch(/confusion/);
  });
});
