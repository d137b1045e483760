// `npm run build` → dist/: the compiled bot runs in plain node, as `npm start` runs it, answers, and stops on SIGTERM.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BOT_TOKEN } from './helpers/bot-harness.ts';
import { freePort } from './helpers/bot-process.ts';
import { type FakeSlack, startFakeSlack } from './helpers/fake-slack.ts';
import { eventEnvelope, SIGNING_SECRET, sendSigned } from './helpers/slack-request.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** What `npm start` runs after building; the first test holds package.json to it. */
const START = ['--enable-source-maps', 'dist/main.js'];

// An empty working directory, so no developer .env leaks in and nothing resolves files from the cwd.
const cwd = mkdtempSync(join(tmpdir(), 'srm-build-'));
let slack: FakeSlack;
let bot: ChildProcess | undefined;

beforeAll(async () => {
  const build = spawnSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`npm run build failed:\n${build.stdout}${build.stderr}`);
  slack = await startFakeSlack();
}, 120_000);
afterAll(async () => {
  bot?.kill('SIGKILL');
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
    const port = await freePort();
    const child = spawn(process.execPath, [...START.slice(0, -1), join(ROOT, START.at(-1) as string)], {
      cwd,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: cwd,
        SLACK_BOT_TOKEN: BOT_TOKEN,
        SLACK_SIGNING_SECRET: SIGNING_SECRET,
        SLACK_API_URL: slack.apiUrl,
        DATABASE_URL: `file:${join(cwd, 'srm.db')}`,
        PORT: String(port),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    bot = child;
    let out = '';
    const collect = (d: Buffer) => {
      out += d.toString();
    };
    child.stdout?.on('data', collect);
    child.stderr?.on('data', collect);
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    const deadline = Date.now() + 15_000;
    while (!out.includes('listening for Slack')) {
      if (child.exitCode !== null || Date.now() > deadline) throw new Error(`bot did not start:\n${out}`);
      await new Promise((r) => setTimeout(r, 25));
    }

    const mention = {
      type: 'app_mention',
      user: 'UALICE',
      text: '<@UBOT> who patches the guest OS on EC2?',
      ts: '1700000000.000001',
      channel: 'C1',
      event_ts: '1.1',
    };
    const res = await sendSigned(
      `http://127.0.0.1:${port}/slack/events`,
      eventEnvelope(mention),
      'application/json',
    );
    expect(res.status).toBe(200);
    const [post] = await slack.waitFor('chat.postMessage');
    expect(String(post?.body.text)).toMatch(/^Customer/);

    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(out).toContain('SIGTERM: finishing in-flight work');
  });
});
