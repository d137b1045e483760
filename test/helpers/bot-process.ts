// The bot as its own OS process (`tsx src/main.ts`, or dist/ for test/build.test.ts): restarts, SIGKILL, replicas.
import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { BOT_TOKEN } from './bot-harness.ts';
import type { FakeSlack } from './fake-slack.ts';
import { SIGNING_SECRET } from './slack-request.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
// node with tsx's loader, not the `tsx` command: that one runs the bot in a child node process, which a SIGKILL
// of the command would leave running (an orphan bot still holding its port and database).
const NODE_ARGS = [
  '--import',
  pathToFileURL(join(ROOT, 'node_modules/tsx/dist/loader.mjs')).href,
  join(ROOT, 'src/main.ts'),
];

export interface BotProcess {
  child: ChildProcess;
  /** http://127.0.0.1:<port>/slack/events */
  url: string;
  /** Everything it printed so far, stdout and stderr together. */
  output(): string;
  /** Resolves with the exit code (null when killed by a signal) once the process has exited. */
  exited(): Promise<number | null>;
  alive(): boolean;
  /** SIGTERM (a graceful stop), then the exit code. */
  stop(): Promise<number | null>;
}

export interface BotProcessOptions {
  /** Working directory; an empty temp dir, so no developer `.env` leaks in. */
  cwd: string;
  /** The bot's environment (PATH and HOME are added); PORT is chosen here unless given. */
  env: Record<string, string>;
  /** Printed once the bot is ready (default `listening for Slack`). */
  readyLine?: string;
  timeoutMs?: number;
  /** `ulimit -f`: no file the bot writes may grow past this — a full disk, for this process only. */
  fileSizeKb?: number;
  /** What node runs; default `src/main.ts` through tsx's loader. */
  nodeArgs?: readonly string[];
}

/** A bot in HTTP mode (no SLACK_APP_TOKEN) against `slack`, storing at `databaseUrl`; `extra` adds or overrides. */
export const botEnv = (
  slack: FakeSlack,
  databaseUrl: string,
  extra: Record<string, string> = {},
): Record<string, string> => ({
  SLACK_BOT_TOKEN: BOT_TOKEN,
  SLACK_SIGNING_SECRET: SIGNING_SECRET,
  SLACK_API_URL: slack.apiUrl,
  DATABASE_URL: databaseUrl,
  ...extra,
});

/** A free TCP port on loopback (released before returning, so there is a small window for a race). */
const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

/** Spawns the bot without waiting for it; read `output()` to see, e.g., a start-up error. */
export function spawnBot(
  cwd: string,
  env: Record<string, string>,
  fileSizeKb?: number,
  nodeArgs: readonly string[] = NODE_ARGS,
): Omit<BotProcess, 'url'> {
  const [command, args] =
    fileSizeKb === undefined
      ? [process.execPath, [...nodeArgs]]
      : ['bash', ['-c', `ulimit -f ${fileSizeKb} && exec "$0" "$@"`, process.execPath, ...nodeArgs]];
  const child = spawn(command, args, {
    cwd,
    // TMPDIR in the bot's folder: tsx's compile cache starts empty, as on a fresh machine, and is removed with it.
    env: { PATH: process.env.PATH ?? '', HOME: cwd, TMPDIR: cwd, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const collect = (d: Buffer) => {
    out += d.toString();
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const exit = new Promise<number | null>((resolve) => {
    if (child.exitCode !== null) resolve(child.exitCode);
    else child.once('exit', (code) => resolve(code));
  });
  return {
    child,
    output: () => out,
    exited: () => exit,
    alive: () => child.exitCode === null && child.signalCode === null,
    stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      return exit;
    },
  };
}

/** Starts the bot in HTTP mode on a free loopback port and resolves once it prints `readyLine`. */
export async function startBotProcess(options: BotProcessOptions): Promise<BotProcess> {
  const port = options.env.PORT ?? String(await freePort());
  const bot = spawnBot(options.cwd, { ...options.env, PORT: port }, options.fileSizeKb, options.nodeArgs);
  const readyLine = options.readyLine ?? 'listening for Slack';
  const deadline = Date.now() + (options.timeoutMs ?? 30_000);
  while (!bot.output().includes(readyLine)) {
    if (bot.child.exitCode !== null || Date.now() > deadline) {
      bot.child.kill('SIGKILL');
      throw new Error(`bot did not start:\n${bot.output()}`);
    }
    await new Promise((r) => setTimeout(r, 25));
  }
  return { ...bot, url: `http://127.0.0.1:${port}/slack/events` };
}

/**
 * `count` bots started at once. Each one that did start is pushed to `into` before a failure is thrown, so the
 * caller's clean-up stops it too.
 */
export async function startBotProcesses(
  count: number,
  options: BotProcessOptions,
  into: BotProcess[],
): Promise<BotProcess[]> {
  const settled = await Promise.allSettled(Array.from({ length: count }, () => startBotProcess(options)));
  const started = settled.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
  into.push(...started);
  const failed = settled.find((s) => s.status === 'rejected');
  if (failed) throw failed.reason;
  return started;
}
