// createApp(config, deps): the Bolt app — Socket Mode or HTTP, event dedupe, in-flight tracking, app.error.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App, type Logger, type LogLevel } from '@slack/bolt';
import type { Config } from '../config.ts';
import type { Engine } from '../core/types.ts';
import type { Store } from '../store/store.ts';
import { createErrorHandler } from './error-handler.ts';
import { type ListenerDeps, registerListeners } from './listeners/index.ts';
import { createLogger, type LogSink } from './logger.ts';
import { createRateLimiter, createThreadTopics } from './memory.ts';
import { createQuizFeature } from './quiz-feature.ts';

export interface AppDeps {
  engine: Engine;
  store: Store;
  now?: () => Date;
  subcommands?: ListenerDeps['subcommands'];
  homeSections?: ListenerDeps['homeSections'];
  /** Where log lines go (tests capture them to check no secret leaks). */
  logSink?: LogSink;
  /** Web API timeout and retries; tests shorten them to fault-inject timeouts in seconds, not minutes. */
  webApi?: { timeoutMs: number; retryConfig: typeof RETRY_CONFIG };
  /** Quiz post attempts and backoff base (default 4 attempts, 2 s). */
  quizRetry?: { attempts: number; baseMs: number };
}

export interface SrmApp {
  app: App;
  logger: Logger;
  /** HTTP mode: listen (default: config.port) and return the bound port. Socket Mode: connect. */
  start(listen?: { port: number; host?: string }): Promise<{ port?: number }>;
  /** Stop taking work, let in-flight handlers finish (up to `graceMs`), then return. */
  stop(graceMs?: number): Promise<void>;
}

/** Interactive paths must not hang for the client's default ~30 min of retries: 3 tries, 10 s each at most. */
export const CLIENT_TIMEOUT_MS = 10_000;
export const RETRY_CONFIG = { retries: 2, factor: 2, minTimeout: 250, maxTimeout: 5_000 };

export function createApp(config: Config, deps: AppDeps): SrmApp {
  const logger = createLogger(
    config.logLevel as LogLevel,
    [config.botToken, config.appToken, config.signingSecret],
    deps.logSink,
  );
  const timeout = deps.webApi?.timeoutMs ?? CLIENT_TIMEOUT_MS;
  // respond() posts to the response_url with this fetch and sets no timeout of its own: a response_url that never
  // answers would hold its listener (and a graceful stop) forever. The Web API client passes its own signal.
  const fetchWithTimeout: typeof fetch = (input, init) =>
    fetch(input, { ...init, signal: init?.signal ?? AbortSignal.timeout(timeout) });
  const clientOptions = {
    slackApiUrl: config.slackApiUrl,
    timeout,
    retryConfig: deps.webApi?.retryConfig ?? RETRY_CONFIG,
    fetch: fetchWithTimeout,
  };
  const common = {
    token: config.botToken,
    logger,
    // Without it Bolt resets the logger to INFO, and LOG_LEVEL=debug would print nothing more.
    logLevel: config.logLevel as LogLevel,
    clientOptions,
    deferInitialization: true,
    extendedErrorHandler: true,
  };
  const app = config.appToken
    ? new App({ ...common, appToken: config.appToken, socketMode: true, installerOptions: { clientOptions } })
    : new App({ ...common, signingSecret: config.signingSecret, port: config.port });

  const frozen = config.testNow;
  const now = deps.now ?? (frozen ? () => new Date(frozen) : () => new Date());
  // The daily quiz (issue 4) plugs in through the same seams any feature would: subcommands and Home sections.
  const quiz = createQuizFeature({
    quiz: config.quiz,
    kb: deps.engine.kb,
    store: deps.store,
    now,
    client: app.client,
    logger,
    retry: deps.quizRetry,
  });
  let inFlight = 0;
  let drained: (() => void) | null = null;
  let stopped = false;

  // Counts work until its listeners finish: events are acked before they run, so closing the server is not enough.
  app.use(async ({ next }) => {
    inFlight++;
    try {
      await next();
    } finally {
      inFlight--;
      if (inFlight === 0) drained?.();
    }
  });

  // Slack redelivers an event it thinks failed (X-Slack-Retry-Num); the same event_id is answered once.
  app.use(async ({ body, next, logger: log }) => {
    const eventId = (body as { event_id?: unknown }).event_id;
    if (typeof eventId === 'string') {
      let first = true;
      try {
        first = await deps.store.claimEvent(eventId, now());
      } catch (error) {
        // Without storage, answering twice beats never answering.
        log.warn(`could not claim event ${eventId}: ${(error as Error).message}`);
      }
      if (!first) return log.debug(`skipping redelivered event ${eventId}`);
    }
    await next();
  });

  registerListeners(app, {
    engine: deps.engine,
    store: deps.store,
    limiter: createRateLimiter(config.rateLimitPerMinute),
    threads: createThreadTopics(),
    rateLimitPerMinute: config.rateLimitPerMinute,
    now,
    subcommands: { ...quiz.subcommands, ...deps.subcommands },
    homeSections: deps.homeSections ?? quiz.homeSections,
  });
  app.error(createErrorHandler(app.client));

  // Bolt's HTTP receiver handles each request in a detached promise: a signed body of JSON `null` throws there
  // (it reads body.ssl_check) and, unhandled, would end the process. Log such strays and keep serving everyone else.
  const onStray = (error: unknown) => logger.error('unhandled rejection, still running:', error);

  return {
    app,
    logger,
    async start(listen) {
      await app.init(); // auth.test: a bad token fails here, with a clear message, not at the first event
      process.on('unhandledRejection', onStray);
      let port: number | undefined;
      if (config.appToken) await app.start();
      else {
        const server = (await app.start(listen ?? config.port)) as Server;
        port = (server.address() as AddressInfo).port;
      }
      await quiz.scheduler.start();
      logger.info('quiz ready');
      return { port };
    },
    async stop(graceMs = 10_000) {
      if (stopped) return; // a second signal, or a test's cleanup after an explicit stop
      stopped = true;
      await quiz.scheduler.stop(); // no new quiz posts; one in progress finishes
      await app.stop();
      process.off('unhandledRejection', onStray);
      if (inFlight === 0) return;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, graceMs);
        drained = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    },
  };
}
