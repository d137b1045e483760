// Starts the real Bolt app in HTTP mode on 127.0.0.1 against the fake Slack, with the real engine and knowledge base.
import { parseConfig } from '../../src/config.ts';
import { createEngine } from '../../src/core/engine.ts';
import type { Engine } from '../../src/core/types.ts';
import { formatProblems, loadKnowledge } from '../../src/knowledge/load.ts';
import { type AppDeps, createApp, type SrmApp } from '../../src/slack/app.ts';
import { createMemoryStore } from '../../src/store/memory.ts';
import type { Store } from '../../src/store/store.ts';
import { type FakeSlack, startFakeSlack } from './fake-slack.ts';
import { SIGNING_SECRET } from './slack-request.ts';

export const BOT_TOKEN = 'xoxb-test-bot-token-123456';

export interface Harness {
  slack: FakeSlack;
  bot: SrmApp;
  store: Store;
  /** http://127.0.0.1:<port>/slack/events */
  url: string;
  logs: string[];
  stop(): Promise<void>;
}

let realEngine: Engine | undefined;

/** The real knowledge base, loaded once per test file. */
export function loadRealEngine(): Engine {
  if (realEngine) return realEngine;
  const loaded = loadKnowledge();
  if (!loaded.ok) throw new Error(`knowledge/ is invalid:\n${formatProblems(loaded.problems)}`);
  realEngine = createEngine(loaded.kb);
  return realEngine;
}

export interface StartOptions {
  env?: Record<string, string>;
  store?: Store;
  /** The app's clock (quiz days, rate-limit windows); default the real one. */
  now?: () => Date;
  /** Web API client timeout and retries; default the production ones. */
  webApi?: AppDeps['webApi'];
  quizRetry?: AppDeps['quizRetry'];
}

export async function startBot(options: StartOptions = {}): Promise<Harness> {
  const slack = await startFakeSlack();
  const parsed = parseConfig({
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: slack.apiUrl,
    LOG_LEVEL: 'debug',
    ...options.env,
  });
  if (!parsed.ok) throw new Error(parsed.message);
  const store = options.store ?? createMemoryStore();
  const logs: string[] = [];
  const bot = createApp(parsed.config, {
    engine: loadRealEngine(),
    store,
    now: options.now,
    webApi: options.webApi,
    quizRetry: options.quizRetry,
    logSink: (_level, line) => void logs.push(line),
  });
  const { port } = await bot.start({ port: 0, host: '127.0.0.1' });
  return {
    slack,
    bot,
    store,
    url: `http://127.0.0.1:${port}/slack/events`,
    logs,
    async stop() {
      await bot.stop(2_000);
      await slack.close();
    },
  };
}
