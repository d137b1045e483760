// `npm run build` → dist/: the compiled bot runs in plain node, as `npm start` runs it, answers, and stops on SIGTERM.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BotProcess, botEnv, startBotProcess } from './helpers/bot-process.ts';
import { type FakeSlack, startFakeSlack } from './helpers/fake-slack.ts';
import { eventEnvelope, sendSigned } from './helpers/slack-request.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** What `npm start` runs after building; the first test holds package.json to it. */
const START = ['--enable-source-maps', 'dist/main.js'];

// An empty working directory, so no developer .env leaks in and nothing resolves files from the cwd.
const cwd = mkdtempSync(join(tmpdir(), 'srm-build-'));
let slack: FakeSlack;
let bot: BotProcess | undefined;

beforeAll(async () => {
  const build = spawnSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`npm run build failed:\n${build.stdout}${build.stderr}`);
  slack = await startFakeSlack();
}, 120_000);
afterAll(async () => {
  bot?.child.kill('SIGKILL');
  await slack?.close();
  rmSync(cwd, { recursive: true, force: true });
});

describe('npm run build', () => {
  it('is what npm start runs, in plain node without a TypeScript loader', () => {
    const { scripts } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };
    expect(scripts.start).toBe(`npm run build && node ${START.join(' ')}`);
  });

  it('starts from dist/, finds knowledge/ from there, answers a mention and exits 0 on SIGTERM', async () => {
    bot = await startBotProcess({
      cwd,
      env: botEnv(slack, `file:${join(cwd, 'srm.db')}`),
      nodeArgs: [...START.slice(0, -1), join(ROOT, START.at(-1) as string)],
      timeoutMs: 15_000,
    });

    const mention = {
      type: 'app_mention',
      user: 'UALICE',
      text: '<@UBOT> who patches the guest OS on EC2?',
      ts: '1700000000.000001',
      channel: 'C1',
      event_ts: '1.1',
    };
    const res = await sendSigned(bot.url, eventEnvelope(mention), 'application/json');
    expect(res.status).toBe(200);
    const [post] = await slack.waitFor('chat.postMessage');
    expect(String(post?.body.text)).toMatch(/^Customer/);

    expect(await bot.stop()).toBe(0);
    expect(bot.output()).toContain('SIGTERM: finishing in-flight work');
  });
});
