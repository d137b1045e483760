// Slack faults: 429 with Retry-After, 500, timeouts and connection resets from the Web API and response_url end in
// bounded retries and a logged failure; the app stays up and answers the next request; the quiz post is never doubled.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryStore } from '../../src/store/memory.ts';
import type { Scripted } from '../helpers/fake-slack.ts';
import { until } from '../helpers/poll.ts';
import { commandForm, sendSigned } from '../helpers/slack-request.ts';
import { answersNextQuestion, type Bot, FAST_WEB_API, replyIn, settle, startHardenedBot } from './harness.ts';
import { buttonsOf, click, dmEvent, sendEvent, srm } from './requests.ts';
import { reportTally, tally } from './tally.ts';

reportTally(import.meta.filename);

let day = new Date('2026-03-02T08:00:00Z'); // Monday, before the 09:00 run: nothing posts unless asked
let bot: Bot;
beforeAll(async () => {
  bot = await startHardenedBot({
    store: createMemoryStore(),
    now: () => day,
    env: {
      QUIZ_CHANNEL: 'CQUIZ',
      QUIZ_ADMINS: 'UADMIN',
      QUIZ_CRON: '0 9 * * 1-5',
      RATE_LIMIT_PER_MINUTE: '1000',
    },
    webApi: FAST_WEB_API,
    quizRetry: { attempts: 4, baseMs: 20 },
  });
});
afterAll(async () => bot.stop());

const attemptsTo = (method: string, channel: string) =>
  bot.slack.attempts.filter((c) => c.method === method && c.body.channel === channel);

/** The app must still answer a fresh question after each fault; a failure here is a crash. */
async function expectAlive(): Promise<void> {
  const alive = await answersNextQuestion(bot);
  if (!alive) tally.crashes++;
  expect(alive).toBe(true);
}

let n = 0;
describe('a reply whose every try fails', () => {
  it.each<[string, Scripted[]]>([
    [
      '429 with Retry-After: 1',
      [
        { status: 429, retryAfter: 1 },
        { status: 429, retryAfter: 1 },
        { status: 429, retryAfter: 1 },
      ],
    ],
    ['500', [{ status: 500 }, { status: 500 }, { status: 500 }]],
    ['no answer (client timeout)', [{ hang: true }, { hang: true }, { hang: true }]],
    ['a connection reset', [{ reset: true }, { reset: true }, { reset: true }]],
    ['a mix of timeout, reset and 500', [{ hang: true }, { reset: true }, { status: 500 }]],
  ])(
    '%s: 3 tries, a logged failure, an apology, and the next question is answered',
    async (_fault, script) => {
      const channel = `DFAULT${++n}`;
      const started = Date.now();
      bot.slack.script('chat.postMessage', ...script);
      await sendEvent(bot, dmEvent('who secures the hypervisor?', `UFAULT${n}`, channel));
      const apology = await waitForSuccess(channel);
      tally.faultScenarios++;
      expect(String(apology.body.text)).toContain('something went wrong');
      expect(attemptsTo('chat.postMessage', channel)).toHaveLength(4); // 1 + 2 retries, then the apology
      if (script[0] && 'retryAfter' in script[0]) expect(Date.now() - started).toBeGreaterThanOrEqual(2_000);
      expect(bot.logs.some((l) => l.includes('[ERROR]') && l.includes('unhandled error'))).toBe(true);
      await expectAlive();
    },
  );

  it('recovers within its bounded retries: timeout, reset, then the answer goes through', async () => {
    const channel = 'DRECOVER';
    bot.slack.script('chat.postMessage', { hang: true }, { reset: true });
    await sendEvent(bot, dmEvent('who secures the hypervisor?', 'URECOVER', channel));
    const reply = await waitForSuccess(channel);
    tally.faultScenarios++;
    expect(String(reply.body.text)).toMatch(/^AWS/);
    expect(attemptsTo('chat.postMessage', channel)).toHaveLength(3);
  });
});

async function waitForSuccess(channel: string) {
  const done = await replyIn(bot.slack, channel, 8_000);
  if (!done) throw new Error(`nothing reached ${channel}`);
  return done;
}

describe('other Slack surfaces failing', () => {
  it.each<[string, Scripted]>([
    ['never answers', { hang: true }],
    ['resets the connection', { reset: true }],
    ['answers 500', { status: 500 }],
  ])(
    'a response_url that %s: /srm logs it, gives up within the timeout, and the next /srm works',
    async (_f, fault) => {
      const id = `cmdfault${++n}`;
      bot.slack.script(`response:${id}`, fault);
      const started = Date.now();
      const res = await sendSigned(
        bot.url,
        commandForm({ text: 'who secures the hypervisor?', response_url: bot.slack.responseUrl(id) }),
        'application/x-www-form-urlencoded',
      );
      expect(res.status).toBe(200);
      await until(
        () =>
          bot.logs.some((l) => l.includes('respond() failed')) &&
          bot.slack.attempts.some((c) => c.method === `response:${id}`),
        8_000,
      );
      tally.faultScenarios++;
      expect(Date.now() - started).toBeLessThan(3_000); // bounded by the fetch timeout, not by undici's 5 minutes
      const { reply } = await srm(bot, 'who secures the hypervisor?');
      expect(String(reply.body.text)).toMatch(/^AWS/);
    },
  );

  it('views.publish failing 3 times on App Home is logged, nothing else breaks', async () => {
    bot.slack.script('views.publish', { status: 500 }, { reset: true }, { hang: true });
    const before = bot.logs.length;
    await sendEvent(bot, { type: 'app_home_opened', user: 'UHOME', channel: 'DHOME', tab: 'home' });
    await until(() => bot.logs.slice(before).some((l) => l.includes('unhandled error')), 8_000);
    tally.faultScenarios++;
    expect(bot.slack.callsTo('views.publish')).toHaveLength(0);
    await expectAlive();
  });

  it('users.info timing out means "not an admin": a polite refusal, no settings changed', async () => {
    bot.slack.script('users.info', { hang: true }, { hang: true }, { hang: true });
    const { reply } = await srm(bot, 'quiz off', 'USOMEONE', 'CQUIZ');
    tally.faultScenarios++;
    expect(String(reply.body.text)).toContain('only workspace admins');
    expect(await bot.store.getQuizSettings()).toBeNull();
    expect(bot.logs.some((l) => l.includes('users.info failed'))).toBe(true);
  });
});

describe('the daily quiz post', () => {
  const postsTo = (channel: string) =>
    bot.slack.callsTo('chat.postMessage').filter((c) => c.body.channel === channel);

  it('fails at Slack three times over (500s, timeouts, resets), is retried, and lands exactly once', async () => {
    // Each quiz attempt is one client call with 3 tries: attempts 1-3 fail every try, attempt 4 goes through.
    const tries: Scripted[] = [
      { status: 500 },
      { hang: true },
      { reset: true },
      { status: 429, retryAfter: 0 },
      { status: 500 },
      { hang: true },
      { reset: true },
      { reset: true },
      { status: 500 },
    ];
    bot.slack.script('chat.postMessage', ...tries);
    const { reply } = await srm(bot, 'quiz now', 'UADMIN', 'CQUIZ');
    tally.faultScenarios++;
    expect(String(reply.body.text)).toContain("Posted today's question");
    expect(postsTo('CQUIZ')).toHaveLength(1);
    expect(bot.logs.filter((l) => l.includes('quiz post attempt')).length).toBe(3);
    const quizzes = await bot.store.listQuizzes('CQUIZ');
    expect(quizzes).toHaveLength(1); // released claims left nothing behind
    expect(quizzes[0]?.ts).toMatch(/^\d+\.000100$/); // the ts of the one post Slack took

    const again = await srm(bot, 'quiz now', 'UADMIN', 'CQUIZ');
    expect(String(again.reply.body.text)).toContain('already up');
    await settle(bot.slack);
    expect(postsTo('CQUIZ')).toHaveLength(1);
  });

  it('gives up after its bounded attempts, says so, leaves the day claimable, and posts once when Slack is back', async () => {
    day = new Date('2026-03-03T08:00:00Z');
    bot.slack.script(
      'chat.postMessage',
      ...Array.from({ length: 12 }, (): Scripted => ({ status: 500 as const })),
    );
    const { reply } = await srm(bot, 'quiz now', 'UADMIN', 'CQUIZ');
    tally.faultScenarios++;
    expect(String(reply.body.text)).toContain('Slack did not take the post');
    expect(postsTo('CQUIZ')).toHaveLength(1); // still only yesterday's
    expect((await bot.store.listQuizzes('CQUIZ')).filter((q) => q.localDate === '2026-03-03')).toEqual([]);

    const retry = await srm(bot, 'quiz now', 'UADMIN', 'CQUIZ');
    expect(String(retry.reply.body.text)).toContain("Posted today's question");
    await settle(bot.slack);
    const today = postsTo('CQUIZ').filter((c) => JSON.stringify(c.body).includes('Daily SRM quiz*'));
    expect(today.length).toBe(2); // Monday's and Tuesday's questions, one each
    expect((await bot.store.listQuizzes('CQUIZ')).map((q) => q.localDate)).toEqual([
      '2026-03-02',
      '2026-03-03',
    ]);
  });

  it('a click while chat.update (the public counter) fails is still recorded and answered privately', async () => {
    const quiz = (await bot.store.listQuizzes('CQUIZ')).at(-1);
    const question = bot.slack
      .callsTo('chat.postMessage')
      .filter((c) => c.body.channel === 'CQUIZ')
      .at(-1);
    const [button] = buttonsOf(question);
    bot.slack.script('chat.update', { status: 500 }, { reset: true }, { hang: true });
    const sent = await click(bot, {
      actionId: button?.action_id ?? '',
      value: button?.value ?? '',
      user: 'UCOUNT',
      channel: 'CQUIZ',
    });
    tally.faultScenarios++;
    expect(sent.status).toBe(200);
    await bot.slack.waitFor(`response:${sent.id}`);
    await until(() => bot.logs.some((l) => l.includes('quiz counter update failed')), 8_000);
    expect((await bot.store.listAnswers({ userId: 'UCOUNT' })).map((a) => a.quizId)).toEqual([quiz?.id]);
    await expectAlive();
  });
});
