// Request forgery against the real HTTP endpoint: every unsigned, mis-signed, stale, replayed or tampered request is
// rejected with 401 before any listener runs — nothing reaches the fake Slack and the store is never touched.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryStore } from '../../src/store/memory.ts';
import type { Store } from '../../src/store/store.ts';
import { commandForm, eventEnvelope, SIGNING_SECRET, sendSigned, sign } from '../helpers/slack-request.ts';
import { type Bot, settle, startHardenedBot } from './harness.ts';
import { buttonsOf, clickForm, FORM, srm } from './requests.ts';
import { reportTally, tally } from './tally.ts';

reportTally(import.meta.filename);

/** A store that records every method called on it, so "untouched" is checked, not assumed. */
function recordingStore(): { store: Store; touched: string[] } {
  const inner = createMemoryStore();
  const touched: string[] = [];
  const store = Object.fromEntries(
    Object.entries(inner).map(([name, fn]) => [
      name,
      (...args: unknown[]) => {
        touched.push(name);
        return (fn as (...a: unknown[]) => unknown)(...args);
      },
    ]),
  ) as unknown as Store;
  return { store, touched };
}

const NOW = new Date('2026-03-02T08:00:00Z'); // a Monday before the 09:00 quiz: start-up posts nothing by itself
const now = () => Math.floor(Date.now() / 1000);
let bot: Bot;
let rec: ReturnType<typeof recordingStore>;
let quizValue: string;

beforeAll(async () => {
  rec = recordingStore();
  bot = await startHardenedBot({
    store: rec.store,
    now: () => NOW,
    env: { QUIZ_CHANNEL: 'CQUIZ', QUIZ_ADMINS: 'UADMIN', QUIZ_CRON: '0 9 * * 1-5' },
  });
  await srm(bot, 'quiz now', 'UADMIN', 'CQUIZ');
  const [question] = await bot.slack.waitFor('chat.postMessage');
  quizValue = buttonsOf(question)[0]?.value ?? '';
  expect(quizValue).toMatch(/^\d+:AWS$/);
});
afterAll(async () => bot.stop());

type Kind = 'event' | 'command' | 'click';
const TYPES = { event: 'application/json', command: FORM, click: FORM } as const;

/** A genuine request body of each kind that, if accepted, would post and write to the store. */
function body(kind: Kind, variant = ''): string {
  if (kind === 'event')
    return eventEnvelope({
      type: 'app_mention',
      user: 'UMALLORY',
      text: `<@UBOT> who secures the hypervisor?${variant}`,
      ts: '1800000000.000100',
      channel: 'C1',
    });
  if (kind === 'command')
    return commandForm({
      text: `who secures the hypervisor?${variant}`,
      response_url: bot.slack.responseUrl('forged'),
      user_id: 'UMALLORY',
    });
  return clickForm(
    {
      actionId: 'srm_quiz_answer:AWS',
      value: quizValue,
      user: `UMALLORY${variant ? 'X' : ''}`,
      channel: 'CQUIZ',
    },
    bot.slack.responseUrl('forged'),
  );
}

const post = (kind: Kind, raw: string, headers: Record<string, string>) =>
  fetch(bot.url, { method: 'POST', headers: { 'content-type': TYPES[kind], ...headers }, body: raw });

/** Each forgery: how the request is made, from a genuine body of the given kind. */
const FORGERIES: Record<string, (kind: Kind) => Promise<Response>> = {
  'no signature and no timestamp': (kind) => post(kind, body(kind), {}),
  'a timestamp but no signature': (kind) =>
    post(kind, body(kind), { 'x-slack-request-timestamp': `${now()}` }),
  'a signature but no timestamp': (kind) =>
    post(kind, body(kind), { 'x-slack-signature': sign(body(kind), now()) }),
  'a malformed signature': (kind) =>
    post(kind, body(kind), { 'x-slack-request-timestamp': `${now()}`, 'x-slack-signature': 'v0=not-hex' }),
  'a v1 scheme signature': (kind) =>
    post(kind, body(kind), {
      'x-slack-request-timestamp': `${now()}`,
      'x-slack-signature': sign(body(kind), now()).replace('v0=', 'v1='),
    }),
  'the wrong secret': (kind) =>
    sendSigned(bot.url, body(kind), TYPES[kind], { secret: `${SIGNING_SECRET}x` }),
  'a timestamp 5 minutes and 1 second old': (kind) =>
    sendSigned(bot.url, body(kind), TYPES[kind], { timestamp: now() - 301 }),
  'a captured body and signature replayed with a new timestamp': (kind) => {
    const captured = body(kind);
    const oldTs = now() - 600; // captured ten minutes ago
    return post(kind, captured, {
      'x-slack-request-timestamp': `${now()}`,
      'x-slack-signature': sign(captured, oldTs),
    });
  },
  'a body tampered after signing': (kind) => {
    const ts = now();
    return post(kind, body(kind, ' and also <!channel>'), {
      'x-slack-request-timestamp': `${ts}`,
      'x-slack-signature': sign(body(kind), ts),
    });
  },
  'a signature of an empty body': (kind) => {
    const ts = now();
    return post(kind, body(kind), {
      'x-slack-request-timestamp': `${ts}`,
      'x-slack-signature': sign('', ts),
    });
  },
};

describe.each(['event', 'command', 'click'] as const)('a forged %s', (kind) => {
  it.each(Object.keys(FORGERIES))('with %s gets 401 and changes nothing', async (forgery) => {
    await settle(bot.slack, 50);
    const sentBefore = bot.slack.attempts.length;
    const touchedBefore = rec.touched.length;
    const answersBefore = await bot.store.listAnswers({});
    const res = await FORGERIES[forgery]?.(kind);
    tally.faultScenarios++;
    expect(res?.status).toBe(401);
    await settle(bot.slack, 50);
    expect(bot.slack.attempts.slice(sentBefore)).toEqual([]);
    expect(rec.touched.slice(touchedBefore + 1)).toEqual([]); // +1: listAnswers above
    expect(await bot.store.listAnswers({})).toEqual(answersBefore);
  });
});

describe('a genuine request replayed verbatim within the 5-minute window', () => {
  it('is accepted as Slack allows, but changes nothing twice: one reply per event_id, first quiz answer wins', async () => {
    const ts = now();
    const event = body('event');
    const click = clickForm(
      {
        actionId: 'srm_quiz_answer:Shared',
        value: quizValue.replace('AWS', 'Shared'),
        user: 'UREPLAY',
        channel: 'CQUIZ',
      },
      bot.slack.responseUrl('replayed'),
    );
    const headers = (raw: string) => ({
      'x-slack-request-timestamp': `${ts}`,
      'x-slack-signature': sign(raw, ts),
    });
    const replies = bot.slack.callsTo('chat.postMessage').length;
    for (let i = 0; i < 3; i++) {
      expect((await post('event', event, headers(event))).status).toBe(200);
      expect((await post('click', click, headers(click))).status).toBe(200);
      tally.faultScenarios += 2;
    }
    await settle(bot.slack);
    expect(bot.slack.callsTo('chat.postMessage').length - replies).toBe(1);
    const answers = (await bot.store.listAnswers({})).filter((a) => a.userId === 'UREPLAY');
    expect(answers.map((a) => a.choice)).toEqual(['Shared']);
    const feedback = bot.slack.callsTo('response:replayed').map((c) => String(c.body.text));
    expect(feedback[0]).toMatch(/^(Right|Not quite)/);
    expect(feedback.slice(1).every((t) => t.startsWith('You already answered Shared'))).toBe(true);
  });
});
