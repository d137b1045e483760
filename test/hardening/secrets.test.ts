// Secrets: scenarios that make errors happen (bad auth, 500s, storage failures, a token pasted into an error, forged
// requests, a crashing body) while every log line is captured, in-process and from a real process; no token, no secret.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryStore } from '../../src/store/memory.ts';
import { type Store, StoreUnavailableError } from '../../src/store/store.ts';
import { BOT_TOKEN } from '../helpers/bot-harness.ts';
import { botEnv, startBotProcess } from '../helpers/bot-process.ts';
import { type FakeSlack, startFakeSlack } from '../helpers/fake-slack.ts';
import { commandForm, eventEnvelope, SIGNING_SECRET, sendSigned } from '../helpers/slack-request.ts';
import { type Bot, FAST_WEB_API, replyIn, SECRETS, settle, startHardenedBot } from './harness.ts';
import { dmEvent, FORM, postOnce, sendEvent, srm } from './requests.ts';
import { countSecrets, reportTally, tally } from './tally.ts';

reportTally(import.meta.filename);

const dir = mkdtempSync(join(tmpdir(), 'srm-secrets-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Everything that left the bot: its log lines and every message it sent to Slack (replies, apologies). */
function scan(logs: readonly string[], slack: FakeSlack): number {
  // A `token` field is the credential itself on its way to Slack (auth.test sends it in the body): not a leak.
  const sent = slack.attempts.map((c) =>
    JSON.stringify(c.body, (key, value) => (key === 'token' ? undefined : value)),
  );
  const leaks = countSecrets([...logs, ...sent], SECRETS);
  tally.secretsInLogs += leaks;
  return leaks;
}

describe('in-process, every log line at debug level', () => {
  let bot: Bot;
  let failing: 'none' | 'unavailable' | 'pasted-token' = 'none';
  beforeAll(async () => {
    const memory = createMemoryStore();
    // A store that fails on demand: unavailable, or with a driver message that quotes a token (as a connection
    // string or a pasted header would).
    const store: Store = {
      ...memory,
      async logQuestion(q) {
        if (failing === 'unavailable') throw new StoreUnavailableError();
        if (failing === 'pasted-token')
          throw new Error(`auth failed for Bearer ${BOT_TOKEN} (${SIGNING_SECRET})`);
        return memory.logQuestion(q);
      },
      async createPractice(userId, q, now) {
        if (failing === 'pasted-token')
          throw new Error(`insert failed: token=${BOT_TOKEN} secret=${SIGNING_SECRET}`);
        return memory.createPractice(userId, q, now);
      },
    };
    bot = await startHardenedBot({ store, webApi: FAST_WEB_API, env: { RATE_LIMIT_PER_MINUTE: '1000' } });
  });
  afterAll(async () => bot.stop());

  it('Slack rejecting the token (invalid_auth, token_revoked) on replies and on the Home tab', async () => {
    bot.slack.script('chat.postMessage', { body: { ok: false, error: 'invalid_auth' } });
    bot.slack.script('views.publish', { body: { ok: false, error: 'token_revoked' } });
    await sendEvent(bot, dmEvent('who secures the hypervisor?', 'USEC1', 'DSEC1'));
    await sendEvent(bot, { type: 'app_home_opened', user: 'USEC1', channel: 'DSEC1', tab: 'home' });
    await settle(bot.slack, 200);
    tally.faultScenarios += 2;
    expect(bot.logs.some((l) => l.includes('invalid_auth'))).toBe(true);
    expect(bot.logs.some((l) => l.includes('token_revoked'))).toBe(true);
  });

  it('500s and resets on every try', async () => {
    bot.slack.script('chat.postMessage', { status: 500 }, { reset: true }, { hang: true });
    await sendEvent(bot, dmEvent('who secures the hypervisor?', 'USEC2', 'DSEC2'));
    await bot.slack.waitFor('chat.postMessage', 1, 8_000);
    await settle(bot.slack, 200);
    tally.faultScenarios++;
    expect(bot.logs.some((l) => l.includes('[ERROR]'))).toBe(true);
  });

  it('storage failures, one of them quoting the token and the secret in its message', async () => {
    failing = 'unavailable';
    await sendEvent(bot, dmEvent('who secures the hypervisor?', 'USEC3', 'DSEC3'));
    failing = 'pasted-token';
    await sendEvent(bot, dmEvent('who secures the hypervisor?', 'USEC4', 'DSEC4'));
    const { reply } = await srm(bot, 'practice', 'USEC5');
    await settle(bot.slack, 200);
    failing = 'none';
    tally.faultScenarios += 3;
    expect(String(reply.body.text)).toContain('something went wrong'); // the reply says nothing of the cause
    expect(bot.logs.some((l) => l.includes('auth failed for Bearer xoxb-[redacted]'))).toBe(true);
  });

  it('a user pasting the token into a question, and forged requests', async () => {
    // A token has a shape, so the bot neither echoes nor stores it (the signing secret has none; it is only
    // ever in the bot's own config and errors, covered above).
    await sendEvent(bot, dmEvent(`is ${BOT_TOKEN} mine to rotate?`, 'USEC6', 'DSEC6'));
    await sendSigned(bot.url, eventEnvelope(dmEvent('x')), 'application/json', { secret: 'wrong' });
    await sendSigned(bot.url, commandForm({ text: 'x', response_url: bot.slack.responseUrl('s') }), FORM, {
      timestamp: 1,
    });
    await settle(bot.slack, 200);
    tally.faultScenarios += 3;
    // The question is logged at debug level (Bolt prints request bodies); the logger redacts the token there.
    expect(bot.logs.some((l) => l.includes('mine to rotate'))).toBe(true);
    const reply = bot.slack.callsTo('chat.postMessage').find((c) => c.body.channel === 'DSEC6');
    expect(JSON.stringify(reply?.body)).toContain('is xoxb-[redacted] mine to rotate');
    expect((await bot.store.report()).unanswered.map((r) => r.text).join()).not.toContain(BOT_TOKEN);
  });

  it('no token or secret appears in any log line or in anything sent to Slack', () => {
    expect(bot.logs.length).toBeGreaterThan(50);
    const leaked = SECRETS.flatMap((s) => bot.logs.filter((l) => l.includes(s)));
    expect(leaked).toEqual([]);
    expect(scan(bot.logs, bot.slack)).toBe(0);
  });
});

describe('a real process, stdout and stderr', () => {
  let slack: FakeSlack;
  beforeAll(async () => {
    slack = await startFakeSlack();
  });
  afterAll(async () => slack.close());

  const env = (databaseUrl = `file:${join(dir, 'process.db')}`) =>
    botEnv(slack, databaseUrl, { LOG_LEVEL: 'debug' });

  it('a token Slack rejects at start-up: a clear message, exit 1, no token printed', async () => {
    slack.script('auth.test', { body: { ok: false, error: 'invalid_auth' } });
    const cwd = mkdtempSync(join(dir, 'badauth-'));
    // startBotProcess rejects with everything the process printed before it exited.
    const output = await startBotProcess({ cwd, env: env() }).then(
      () => 'started',
      (error: Error) => error.message,
    );
    tally.faultScenarios++;
    expect(output).toContain('Slack rejected SLACK_BOT_TOKEN (invalid_auth)');
    expect(output).toContain('copy the Bot User OAuth Token again');
    const leaks = countSecrets([output], SECRETS);
    tally.secretsInLogs += leaks;
    expect(leaks).toBe(0);
  });

  it('survives a crashing body, 500s, bad auth, forged requests and a deleted database; exits 0; prints no secret', async () => {
    const cwd = mkdtempSync(join(dir, 'faults-'));
    const dbPath = join(cwd, 'srm.db');
    const proc = await startBotProcess({ cwd, env: env(`file:${dbPath}`) });
    const ask = async (channel: string) => {
      const res = await sendEvent(proc, dmEvent('who secures the hypervisor?', 'UP', channel));
      expect(res.status).toBe(200);
      const reply = await replyIn(slack, channel, 10_000);
      return reply ? String(reply.body.text) : 'no reply';
    };

    // A signed body of JSON `null` threw inside Bolt's receiver and ended the process (now: logged, still up).
    expect(await postOnce(proc.url, 'null', 'application/json', 1_000)).toBe(0); // Bolt never answers it
    expect(await ask('DP1')).toMatch(/^AWS/);

    slack.script('chat.postMessage', { status: 500 }, { status: 500 }, { status: 500 });
    expect(await ask('DP2')).toContain('something went wrong');
    slack.script('chat.postMessage', { body: { ok: false, error: 'invalid_auth' } });
    await ask('DP3'); // the reply fails on invalid_auth; the apology then goes through
    await sendSigned(proc.url, eventEnvelope(dmEvent('x')), 'application/json', { secret: 'wrong' });

    for (const suffix of ['', '-wal', '-shm']) rmSync(`${dbPath}${suffix}`, { force: true });
    expect(await ask('DP4')).toMatch(/^AWS/); // storage is off; answers are not
    tally.faultScenarios += 5;

    if (!proc.alive()) tally.crashes++;
    expect(proc.alive()).toBe(true);
    expect(await proc.stop()).toBe(0);
    const output = proc.output();
    expect(output).toContain('unhandled rejection, still running');
    expect(output).toContain('was deleted or replaced');
    expect(output).toContain('Failed to verify authenticity');
    const leaks = countSecrets([output], SECRETS);
    tally.secretsInLogs += leaks;
    expect(leaks).toBe(0);
  });
});
