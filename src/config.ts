// Reads the environment once (.env via dotenv, then zod) and fails with every problem named; the only process.env reader.
import { config as loadDotenv } from 'dotenv';
import { z } from 'zod';
import { isTimeZone, isValidCron } from './quiz/settings.ts';

export type LogLevelName = 'debug' | 'info' | 'warn' | 'error';

export interface Config {
  botToken: string;
  /** Set → Socket Mode; absent → HTTP mode on `port`. */
  appToken?: string;
  signingSecret?: string;
  port: number;
  /** Web API base URL override (GovSlack, or a local fake in tests). */
  slackApiUrl?: string;
  logLevel: LogLevelName;
  databaseUrl: string;
  quiz: { channel?: string; cron: string; tz: string; admins: string[]; reveal?: string };
  rateLimitPerMinute: number;
  /** SRM_TEST_NOW: a frozen clock for process-level tests (restart safety); never set in production. */
  testNow?: Date;
}

/** Where each value comes from, printed next to its problem so the fix is one step away. */
const HINTS: Record<string, string> = {
  SLACK_BOT_TOKEN: 'Bot User OAuth Token from OAuth & Permissions, starts with xoxb-',
  SLACK_APP_TOKEN:
    'App-Level Token with connections:write from Basic Information, starts with xapp- (unset for HTTP mode)',
  SLACK_SIGNING_SECRET: 'Signing Secret from Basic Information → App Credentials (needed in HTTP mode)',
  PORT: 'HTTP port, 1-65535 (default 3000)',
  SLACK_API_URL: 'Web API base URL, e.g. https://slack-gov.com/api/ for GovSlack (leave unset for slack.com)',
  LOG_LEVEL: 'one of debug, info, warn, error (default info)',
  DATABASE_URL: 'file:./data/srm.db, a plain path, or postgres://…',
  QUIZ_CHANNEL: 'channel ID such as C0123456789 (right-click the channel → Copy link)',
  QUIZ_CRON: 'five-field cron, e.g. "0 9 * * 1-5" for weekdays at 09:00',
  QUIZ_TZ: 'IANA time zone such as Europe/Berlin (default UTC)',
  QUIZ_ADMINS: 'comma-separated user IDs such as U0123,U0456 (profile → ⋯ → Copy member ID)',
  QUIZ_REVEAL: 'five-field cron for revealing answers, e.g. "0 17 * * 1-5"',
  RATE_LIMIT_PER_MINUTE: 'questions one person may ask a minute, a whole number ≥ 1 (default 10)',
  SRM_TEST_NOW: 'tests only: an ISO date-time that freezes the bot clock, e.g. 2026-03-02T08:00:00Z',
};

const DEFAULT_DATABASE_URL = 'file:./data/srm.db';

const required = (what: string) => z.string({ error: 'missing' }).min(1, 'missing').describe(what);
const cron = z.string().refine(isValidCron, 'not a valid cron expression');

const schema = z.object({
  SLACK_BOT_TOKEN: required('bot token').startsWith('xoxb-', 'must start with xoxb-'),
  SLACK_APP_TOKEN: z.string().startsWith('xapp-', 'must start with xapp-').optional(),
  SLACK_SIGNING_SECRET: z.string().optional(),
  PORT: z.coerce.number({ error: 'not a number' }).int('not a whole number').min(1).max(65535).default(3000),
  SLACK_API_URL: z.url({ error: 'not a URL' }).optional(),
  LOG_LEVEL: z
    .string()
    .transform((v) => v.toLowerCase())
    .pipe(z.enum(['debug', 'info', 'warn', 'error'], { error: 'not a log level' }))
    .default('info'),
  DATABASE_URL: z.string().default(DEFAULT_DATABASE_URL),
  QUIZ_CHANNEL: z
    .string()
    .regex(/^[CG][A-Z0-9]{2,}$/, 'not a channel ID')
    .optional(),
  QUIZ_CRON: cron.default('0 9 * * 1-5'),
  QUIZ_TZ: z.string().refine(isTimeZone, 'not an IANA time zone').default('UTC'),
  QUIZ_ADMINS: z
    .string()
    .transform((v) =>
      v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.string().regex(/^[UW][A-Z0-9]{2,}$/, 'not a list of user IDs')))
    .default([]),
  QUIZ_REVEAL: cron.optional(),
  RATE_LIMIT_PER_MINUTE: z.coerce.number({ error: 'not a number' }).int().min(1).default(10),
  SRM_TEST_NOW: z.iso.datetime({ offset: true, error: 'not an ISO date-time' }).optional(),
});

export type ConfigResult = { ok: true; config: Config } | { ok: false; message: string };

/** Pure: validate an environment map. Empty values count as unset, as in most .env files. */
export function parseConfig(env: Record<string, string | undefined>): ConfigResult {
  const present = Object.fromEntries(
    Object.entries(env).filter(([, v]) => v !== undefined && v.trim() !== ''),
  );
  const parsed = schema.safeParse(present);
  const issues = (parsed.success ? [] : parsed.error.issues).map((issue) => ({
    key: String(issue.path[0] ?? ''),
    message: issue.message.startsWith('Invalid input') ? 'missing' : issue.message,
  }));
  // Checked outside the schema so it is reported together with every other problem, not after them.
  if (!present.SLACK_APP_TOKEN && !present.SLACK_SIGNING_SECRET) {
    issues.push({
      key: 'SLACK_SIGNING_SECRET',
      message: 'missing (HTTP mode, because SLACK_APP_TOKEN is not set)',
    });
  }
  if (!parsed.success || issues.length > 0) {
    const lines = issues.map(({ key, message }) => `  ${key}: ${message} — ${HINTS[key] ?? ''}`.trimEnd());
    return {
      ok: false,
      message: `srm-bot cannot start; fix these in .env (see .env.example):\n${[...new Set(lines)].join('\n')}`,
    };
  }
  const e = parsed.data;
  return {
    ok: true,
    config: {
      botToken: e.SLACK_BOT_TOKEN,
      appToken: e.SLACK_APP_TOKEN,
      signingSecret: e.SLACK_SIGNING_SECRET,
      port: e.PORT,
      slackApiUrl: e.SLACK_API_URL,
      logLevel: e.LOG_LEVEL,
      databaseUrl: e.DATABASE_URL,
      quiz: {
        channel: e.QUIZ_CHANNEL,
        cron: e.QUIZ_CRON,
        tz: e.QUIZ_TZ,
        admins: e.QUIZ_ADMINS,
        reveal: e.QUIZ_REVEAL,
      },
      rateLimitPerMinute: e.RATE_LIMIT_PER_MINUTE,
      ...(e.SRM_TEST_NOW ? { testNow: new Date(e.SRM_TEST_NOW) } : {}),
    },
  };
}

/** Reads .env and the environment; on a problem prints the list and exits 1 (no stack trace: it is a setup issue). */
export function loadConfig(): Config {
  loadDotenv({ quiet: true });
  const result = parseConfig(process.env);
  if (result.ok) return result.config;
  process.stderr.write(`${result.message}\n`);
  process.exit(1);
}

/** For tools that only need storage (npm run report): DATABASE_URL with its default, no Slack tokens required. */
export function loadDatabaseUrl(): string {
  loadDotenv({ quiet: true });
  return process.env.DATABASE_URL?.trim() || DEFAULT_DATABASE_URL;
}
