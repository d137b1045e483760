// The kb:check CLI: exit 1 with every problem on a broken knowledge base, exit 0 with a summary on the real one.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

function runKbCheck(...args: string[]): { status: number; stdout: string; stderr: string } {
  try {
    const stdout = execFileSync('npx', ['tsx', 'src/cli/kb-check.ts', ...args], {
      cwd: ROOT,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return { status: 0, stdout, stderr: '' };
  } catch (err) {
    const e = err as { status: number; stdout: string; stderr: string };
    return { status: e.status, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('kb:check', () => {
  it('exits 0 and prints a summary for the real knowledge base', () => {
    const { status, stdout } = runKbCheck();
    expect(status).toBe(0);
    expect(stdout).toMatch(/knowledge OK: \d+ topics in \d+ areas, \d+ services, \d+ quiz-able/);
  });

  it('exits 1 and lists every problem as file: id: path: message for a broken directory', () => {
    const { status, stderr } = runKbCheck('test/fixtures/knowledge-broken');
    expect(status).toBe(1);
    expect(stderr).toContain('10 problem(s)');
    expect(stderr).toContain('topics/alpha.yml: typo-key: topics[2].keywrods: unknown key');
    expect(stderr).toContain('topics/beta.yml: good-one: topics[0].id: duplicate id');
  });
});
