// `npm run ask` CLI: one JSON object per question, stdin batch in order, usage errors exit 2.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const ask = (args: string[], input?: string) =>
  spawnSync('npx', ['tsx', 'src/cli/ask.ts', ...args], {
    cwd: root,
    input,
    encoding: 'utf8',
    timeout: 30_000,
  });
const KEYS = [
  'answered',
  'owner',
  'topic',
  'title',
  'service',
  'confidence',
  'rationale',
  'source',
  'suggestions',
  'breakdown',
];

describe('ask CLI', () => {
  it('prints exactly one JSON object for --json "question"', () => {
    const r = ask(['--json', 'who patches the guest os on my ec2 instance?']);
    expect(r.status).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const v = JSON.parse(lines[0] ?? '');
    expect(Object.keys(v).sort()).toEqual([...KEYS].sort());
    expect(v).toMatchObject({ answered: true, owner: 'Customer', service: 'EC2' });
    expect(v.source).toMatch(/^https:\/\//);
  });

  it('reads stdin with --json and no question: one JSON line per input line, in order', () => {
    const r = ask(['--json'], 'who secures the hypervisor?\nwhat is for lunch?\n\nroot user mfa?\n');
    expect(r.status).toBe(0);
    const out = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(out).toHaveLength(4);
    expect(out.map((v) => v.answered)).toEqual([true, false, false, true]);
    expect(out[0].owner).toBe('AWS');
    expect(out[1].owner).toBeNull();
    expect(out[1].suggestions.length).toBeLessThanOrEqual(3);
  });

  it('prints a readable answer with owner, source and review date', () => {
    const r = ask(['who is responsible for patch management?']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/Owner: Shared/);
    expect(r.stdout).toMatch(/reviewed \d{4}-\d{2}-\d{2}/);
  });

  it('exits 0 with an honest "I don\'t know" for an off-topic question', () => {
    const r = ask(["what's for lunch?"]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/I don't know that one/);
  });

  it.each([[['--nope', 'q']], [[]]])('exits 2 with usage for %j', (args) => {
    const r = ask(args);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/usage/);
  });
});
