// The real entry point as a process: a clear config error (exit 1, no stack), and SIGTERM → drain → exit 0.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BOT_TOKEN } from '../../helpers/bot-harness.ts';
import { botEnv, spawnBot, startBotProcess } from '../../helpers/bot-process.ts';
import { type FakeSlack, startFakeSlack } from '../../helpers/fake-slack.ts';

// An empty working directory, so no developer .env leaks into the test.
const cwd = mkdtempSync(join(tmpdir(), 'srm-main-'));

let slack: FakeSlack;
beforeAll(async () => {
  slack = await startFakeSlack();
});
afterAll(async () => {
  await slack.close();
  rmSync(cwd, { recursive: true, force: true });
});

describe('npm start', () => {
  it('names every missing variable and exits 1 without a stack trace', async () => {
    const p = spawnBot(cwd, {});
    expect(await p.exited()).toBe(1);
    expect(p.output()).toContain('SLACK_BOT_TOKEN: missing — Bot User OAuth Token from OAuth & Permissions');
    expect(p.output()).toContain('SLACK_SIGNING_SECRET: missing');
    expect(p.output()).not.toMatch(/\n\s+at /);
  });

  it('starts in HTTP mode and exits 0 on SIGTERM after closing storage', async () => {
    const p = await startBotProcess({
      cwd,
      env: botEnv(slack, `file:${join(cwd, 'srm.db')}`),
    });
    p.child.kill('SIGTERM');
    expect(await p.exited()).toBe(0);
    expect(p.output()).toContain('SIGTERM: finishing in-flight work');
    expect(p.output()).not.toContain(BOT_TOKEN);
  });
});
