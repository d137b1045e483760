// parseConfig: defaults, modes, and one message naming every problem with where to get the value.
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../src/config.ts';

const http = { SLACK_BOT_TOKEN: 'xoxb-1-2', SLACK_SIGNING_SECRET: 'secret' };

describe('parseConfig', () => {
  it('applies the documented defaults', () => {
    const result = parseConfig(http);
    expect(result).toEqual({
      ok: true,
      config: {
        botToken: 'xoxb-1-2',
        appToken: undefined,
        signingSecret: 'secret',
        port: 3000,
        slackApiUrl: undefined,
        logLevel: 'info',
        databaseUrl: 'file:./data/srm.db',
        quiz: { channel: undefined, cron: '0 9 * * 1-5', tz: 'UTC', admins: [], reveal: undefined },
        rateLimitPerMinute: 10,
      },
    });
  });

  it('reads every variable', () => {
    const result = parseConfig({
      SLACK_BOT_TOKEN: 'xoxb-1',
      SLACK_APP_TOKEN: 'xapp-1',
      PORT: '8080',
      SLACK_API_URL: 'https://slack-gov.com/api/',
      LOG_LEVEL: 'DEBUG',
      DATABASE_URL: 'postgres://db/srm',
      QUIZ_CHANNEL: 'C0123ABC',
      QUIZ_CRON: '30 8 * * 1',
      QUIZ_TZ: 'Europe/Berlin',
      QUIZ_ADMINS: 'U01, U02 ,',
      QUIZ_REVEAL: '0 17 * * 1-5',
      RATE_LIMIT_PER_MINUTE: '3',
    });
    if (!result.ok) throw new Error(result.message);
    expect(result.config).toMatchObject({
      appToken: 'xapp-1',
      port: 8080,
      slackApiUrl: 'https://slack-gov.com/api/',
      logLevel: 'debug',
      databaseUrl: 'postgres://db/srm',
      quiz: {
        channel: 'C0123ABC',
        cron: '30 8 * * 1',
        tz: 'Europe/Berlin',
        admins: ['U01', 'U02'],
        reveal: '0 17 * * 1-5',
      },
      rateLimitPerMinute: 3,
    });
  });

  it('needs no signing secret in Socket Mode, and treats empty values as unset', () => {
    expect(
      parseConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1', SLACK_SIGNING_SECRET: '' }).ok,
    ).toBe(true);
    expect(parseConfig({ ...http, PORT: '' })).toMatchObject({ ok: true, config: { port: 3000 } });
  });

  it('names every missing variable at once, with where to get it', () => {
    const result = parseConfig({});
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.message).toContain(
      'SLACK_BOT_TOKEN: missing — Bot User OAuth Token from OAuth & Permissions, starts with xoxb-',
    );
    expect(result.message).toContain(
      'SLACK_SIGNING_SECRET: missing (HTTP mode, because SLACK_APP_TOKEN is not set)',
    );
    expect(result.message).toContain('Basic Information');
  });

  it.each([
    ['SLACK_BOT_TOKEN', 'xoxp-user-token', 'must start with xoxb-'],
    ['SLACK_APP_TOKEN', 'xoxb-wrong', 'must start with xapp-'],
    ['PORT', 'eighty', 'not a number'],
    ['PORT', '70000', 'PORT:'],
    ['SLACK_API_URL', 'slack-gov', 'not a URL'],
    ['LOG_LEVEL', 'loud', 'not a log level'],
    ['QUIZ_CHANNEL', '#general', 'not a channel ID'],
    ['QUIZ_CRON', 'every morning', 'not a valid cron expression'],
    ['QUIZ_REVEAL', '61 * * * *', 'not a valid cron expression'],
    ['QUIZ_TZ', 'Mars/Olympus', 'not an IANA time zone'],
    ['QUIZ_ADMINS', 'alice,bob', 'not a list of user IDs'],
    ['RATE_LIMIT_PER_MINUTE', '0', 'RATE_LIMIT_PER_MINUTE:'],
  ])('rejects %s=%s', (key, value, expected) => {
    const result = parseConfig({ ...http, [key]: value });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain(expected);
  });

  it('freezes the clock only when SRM_TEST_NOW (tests) is a valid ISO date-time', () => {
    expect(parseConfig({ ...http, SRM_TEST_NOW: '2026-03-02T08:00:00Z' })).toMatchObject({
      ok: true,
      config: { testNow: new Date('2026-03-02T08:00:00Z') },
    });
    const plain = parseConfig(http);
    expect(plain.ok && plain.config.testNow).toBeUndefined();
    expect(parseConfig({ ...http, SRM_TEST_NOW: 'monday' })).toMatchObject({ ok: false });
  });

  it('lists several malformed values together', () => {
    const result = parseConfig({ ...http, PORT: 'x', QUIZ_TZ: 'Nowhere', LOG_LEVEL: 'loud' });
    if (result.ok) throw new Error('expected failure');
    expect(result.message.split('\n').filter((l) => l.startsWith('  '))).toHaveLength(3);
  });
});
