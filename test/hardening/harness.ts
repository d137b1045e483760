// The real Bolt app in HTTP mode, in-process against the fake Slack, with the knobs hardening needs.
import { parseConfig } from '../../src/config.ts';
import { type AppDeps, createApp, type SrmApp } from '../../src/slack/app.ts';
import { createMemoryStore } from '../../src/store/memory.ts';
import type { Store } from '../../src/store/store.ts';
import { BOT_TOKEN, loadRealEngine } from '../helpers/bot-harness.ts';
import { type FakeSlack, startFakeSlack } from '../helpers/fake-slack.ts';
import { SIGNING_SECRET } from '../helpers/slack-request.ts';
import { dmEvent, sendEvent } from './requests.ts';

/**
 * What a leak of the test token or signing secret would contain: each without its first five characters, so a full
 * copy, a cut one and one whose `xoxb-` was rewritten are all found (and each leak is counted once).
 */
export const SECRETS = [BOT_TOKEN.slice(5), SIGNING_SECRET.slice(5)] as const;

export interface Bot {
  slack: FakeSlack;
  app: SrmApp;
  store: Store;
  url: string;
  logs: string[];
  stop(): Promise<void>;
}

export interface BotOptions {
  env?: Record<string, string>;
  store?: Store;
  now?: () => Date;
  webApi?: AppDeps['webApi'];
  quizRetry?: AppDeps['quizRetry'];
  slack?: FakeSlack;
}

/** Fault tests want failures in milliseconds: 3 tries (1 + 2 retries), 300 ms each at most. */
export const FAST_WEB_API: NonNullable<AppDeps['webApi']> = {
  timeoutMs: 300,
  retryConfig: { retries: 2, factor: 2, minTimeout: 20, maxTimeout: 50 },
};

export async function startHardenedBot(options: BotOptions = {}): Promise<Bot> {
  const slack = options.slack ?? (await startFakeSlack());
  const parsed = parseConfig({
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: slack.apiUrl,
    LOG_LEVEL: 'debug', // the most verbose level: the secret scan sees everything the bot could ever print
    ...options.env,
  });
  if (!parsed.ok) throw new Error(parsed.message);
  const store = options.store ?? createMemoryStore();
  const logs: string[] = [];
  const app = createApp(parsed.config, {
    engine: loadRealEngine(),
    store,
    now: options.now,
    webApi: options.webApi,
    quizRetry: options.quizRetry,
    logSink: (_level, text) => void logs.push(text),
  });
  const { port } = await app.start({ port: 0, host: '127.0.0.1' });
  return {
    slack,
    app,
    store,
    url: `http://127.0.0.1:${port}/slack/events`,
    logs,
    async stop() {
      await app.stop(2_000);
      await slack.close();
    },
  };
}

/** Waits until nothing new reaches the fake Slack for `quietMs` (replies to acked events arrive after the 200). */
export async function settle(slack: FakeSlack, quietMs = 150, maxMs = 5_000): Promise<void> {
  const deadline = Date.now() + maxMs;
  let seen = -1;
  while (Date.now() < deadline) {
    if (slack.attempts.length === seen) return;
    seen = slack.attempts.length;
    await new Promise((r) => setTimeout(r, quietMs));
  }
}

let probes = 0;
/** Is the bot alive? A fresh user asks a known question in a fresh DM and must get the right answer. */
export async function answersNextQuestion(bot: Bot, timeoutMs = 5_000): Promise<boolean> {
  const channel = `DPROBE${++probes}`;
  await sendEvent(bot, dmEvent('who secures the hypervisor?', `UPROBE${probes}`, channel));
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const reply = bot.slack.callsTo('chat.postMessage').find((c) => c.body.channel === channel);
    if (reply) return /^AWS/.test(String(reply.body.text));
    await new Promise((r) => setTimeout(r, 10));
  }
  return false;
}
