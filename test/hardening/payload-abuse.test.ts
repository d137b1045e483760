// Payload abuse, correctly signed: malformed JSON, unknown or incomplete events, huge bodies, forged and stale button
// values. Each is refused, ignored, or answered politely — never a crash, never a change to anyone's score.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTIONS, actionId } from '../../src/slack/ids.ts';
import { createSqliteStore } from '../../src/store/sqlite.ts';
import { eventEnvelope, sendSigned } from '../helpers/slack-request.ts';
import { answersNextQuestion, type Bot, settle, startHardenedBot } from './harness.ts';
import { buttonsOf, type Click, click, FORM, mentionEvent, postOnce, srm } from './requests.ts';
import { reportTally, tally } from './tally.ts';

reportTally(import.meta.filename);

const dir = mkdtempSync(join(tmpdir(), 'srm-abuse-'));
const NOW = new Date('2026-03-02T08:00:00Z');
let bot: Bot;
let quizId: string;

beforeAll(async () => {
  bot = await startHardenedBot({
    store: createSqliteStore(join(dir, 'srm.db')),
    now: () => NOW,
    env: { QUIZ_CHANNEL: 'CQUIZ', QUIZ_ADMINS: 'UADMIN', QUIZ_CRON: '0 9 * * 1-5' },
  });
  await srm(bot, 'quiz now', 'UADMIN', 'CQUIZ');
  const [question] = await bot.slack.waitFor('chat.postMessage');
  quizId = (buttonsOf(question)[0]?.value ?? '').split(':')[0] as string;
  // One genuine answer, so "no score change" is checked against a non-empty table.
  const first = await click(bot, {
    actionId: 'srm_quiz_answer:AWS',
    value: `${quizId}:AWS`,
    channel: 'CQUIZ',
  });
  expect(first.status).toBe(200);
});
afterAll(async () => {
  await bot.stop();
  await bot.store.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Everything a score is made of: every quiz answer, and the 👎 votes of the usage report. */
const snapshot = async () => ({
  answers: await bot.store.listAnswers({}),
  votes: (await bot.store.report()).downvoted,
});

/** Runs one abusive request and checks the bot is still whole: same scores, still answering. */
async function abuse(send: () => Promise<Response>): Promise<number> {
  const before = await snapshot();
  const res = await send();
  tally.faultScenarios++;
  await settle(bot.slack, 60);
  expect(await snapshot()).toEqual(before);
  return res.status;
}

const sendJson = (raw: string) => sendSigned(bot.url, raw, 'application/json');
const sendForm = (raw: string) => sendSigned(bot.url, raw, FORM);

describe('malformed and incomplete bodies', () => {
  // Sent together: bodies Bolt cannot route are never acked, so each costs Bolt's 3 s wait before its 404.
  it('bodies that are not JSON, not objects, or events missing their parts: refused, ignored or apologised for', async () => {
    const json = [
      '{"type":"event_callback","event":{"type":"app_mention"',
      'hello <!channel>',
      '"event_callback"',
      '42',
      '[{"type":"event_callback"}]',
      `${'{"a":'.repeat(50_000)}1${'}'.repeat(50_000)}`,
      JSON.stringify({ type: 'mystery', event_id: 'Ev1' }),
      JSON.stringify({ type: 'event_callback', event_id: 'EvNoEvent' }),
      eventEnvelope({ user: 'UALICE', text: 'hi', channel: 'C1' }),
      eventEnvelope({ type: 'reaction_added', user: 'UALICE', reaction: 'x' }),
      eventEnvelope({ type: 'app_mention', user: 'UALICE', channel: 'C1', ts: '1.1' }),
      eventEnvelope({ type: 'app_mention', user: 'UALICE', text: '<@UBOT> hi', ts: '1.2' }),
      eventEnvelope({ ...mentionEvent('x'), text: { evil: true } }),
      eventEnvelope({ ...mentionEvent('x'), user: ['UALICE'] }),
      eventEnvelope({ type: 'message', channel_type: 'im', user: 'UALICE', text: 'hi', ts: '1.3' }),
      eventEnvelope({
        type: 'message',
        channel_type: 'im',
        channel: 'D9',
        user: 'UALICE',
        text: 42,
        ts: '1.4',
      }),
      eventEnvelope({ type: 'app_home_opened', tab: 'home' }),
    ];
    const forms = [
      'nothing=here',
      'payload=%7Bnot-json',
      `payload=${encodeURIComponent(JSON.stringify({ type: 'block_actions', user: { id: 'UALICE' } }))}`,
      `payload=${encodeURIComponent(JSON.stringify({ type: 'block_actions', user: { id: 'UALICE' }, actions: [] }))}`,
      `payload=${encodeURIComponent(JSON.stringify({ type: 'workflow_step_edit' }))}`,
      'command=%2Fsrm&team_id=T1',
    ];
    const before = await snapshot();
    const statuses = await Promise.all([
      ...json.map((raw) => sendJson(raw).then((r) => r.status)),
      ...forms.map((raw) => sendForm(raw).then((r) => r.status)),
    ]);
    tally.faultScenarios += statuses.length;
    await settle(bot.slack);
    for (const status of statuses) expect([200, 400, 404]).toContain(status);
    expect(statuses.filter((s) => s === 400).length).toBeGreaterThanOrEqual(3); // the unparseable ones
    expect(await snapshot()).toEqual(before);
    // Whatever reached Slack for these is at most the generic apology: no answer to a half-formed question.
    const texts = bot.slack.callsTo('chat.postMessage').map((c) => String(c.body.text));
    expect(
      texts.filter((t) => !/something went wrong|^Not sure|I answer who owns/.test(t)).length,
    ).toBeLessThanOrEqual(
      1, // the quiz question posted in beforeAll
    );
  });

  it('a body over Bolt’s 4 MB limit is refused with 413 before it is read further', async () => {
    const raw = eventEnvelope(mentionEvent('a'.repeat(4 * 1024 * 1024)));
    expect(
      await abuse(
        async () => new Response(null, { status: await postOnce(bot.url, raw, 'application/json') }),
      ),
    ).toBe(413);
  });

  it('a 3.4 MB question just under the limit gets the polite "that is a long one" reply, not a crash', async () => {
    const raw = eventEnvelope(mentionEvent(`who patches ${'🏳️‍🌈<!channel>'.repeat(140_000)}`));
    expect(Buffer.byteLength(raw)).toBeLessThan(4 * 1024 * 1024);
    const posted = bot.slack.callsTo('chat.postMessage').length;
    expect(
      await abuse(
        async () => new Response(null, { status: await postOnce(bot.url, raw, 'application/json') }),
      ),
    ).toBe(200);
    const [reply] = (await bot.slack.waitFor('chat.postMessage', posted + 1)).slice(posted);
    expect(JSON.stringify(reply?.body.blocks)).toContain('That is a long one');
  });
});

describe('forged or stale button values', () => {
  const clickAndReply = async (c: Click): Promise<{ status: number; text: string }> => {
    let status = 0;
    let id = '';
    await abuse(async () => {
      const sent = await click(bot, c);
      status = sent.status;
      id = sent.id;
      return new Response(null, { status });
    });
    await settle(bot.slack, 60);
    return {
      status,
      text: bot.slack
        .callsTo(`response:${id}`)
        .map((r) => String(r.body.text))
        .join(' | '),
    };
  };

  it('an unknown quiz id is answered politely and recorded nowhere', async () => {
    for (const value of ['999999:AWS', '99999999999999999999:Shared', 'abc-def:Customer']) {
      const { status, text } = await clickAndReply({
        actionId: 'srm_quiz_answer:AWS',
        value,
        channel: 'CQUIZ',
      });
      expect(status).toBe(200);
      expect(text).toContain('no longer exists');
    }
  });

  it('a daily quiz clicked from another channel is refused politely, logged, and counts for no one', async () => {
    const { status, text } = await clickAndReply({
      actionId: 'srm_quiz_answer:Shared',
      value: `${quizId}:Shared`,
      user: 'UELSEWHERE',
      channel: 'COTHER',
    });
    expect(status).toBe(200);
    expect(text).toContain("does not belong to this channel's quiz");
    expect(await bot.store.listAnswers({ userId: 'UELSEWHERE' })).toEqual([]);
    expect(bot.logs.some((l) => l.includes(`quiz ${quizId} from outside its channel refused`))).toBe(true);
  });

  it('a question already revealed is closed: the click is told the answer and not recorded', async () => {
    await bot.store.updateQuiz(quizId, { revealedAt: NOW });
    const { status, text } = await clickAndReply({
      actionId: 'srm_quiz_answer:Shared',
      value: `${quizId}:Shared`,
      user: 'ULATE',
      channel: 'CQUIZ',
    });
    expect(status).toBe(200);
    expect(text).toContain('This question is closed');
  });

  it('someone else’s private practice question cannot be answered by another user', async () => {
    const { reply } = await srm(bot, 'practice', 'UOWNER');
    const [button] = buttonsOf(reply);
    const { text } = await clickAndReply({
      actionId: button?.action_id ?? '',
      value: button?.value ?? '',
      user: 'UINTRUDER',
      ephemeral: true,
    });
    expect(text).toContain('no longer exists');
    expect(await bot.store.listAnswers({ userId: 'UINTRUDER' })).toEqual([]);
  });

  it.each([
    ['a quiz value with an unknown choice', 'srm_quiz_answer:AWS', '1:Nobody'],
    ['a quiz value with SQL in it', 'srm_quiz_answer:AWS', '1 OR 1=1; DROP TABLE answers;--:AWS'],
    ['a quiz value of 2,000 characters', 'srm_quiz_answer:AWS', `${'9'.repeat(1_995)}:AWS`],
    ['Share with garbage', ACTIONS.share, 'garbage'],
    ['Share with a wrong-typed reference', ACTIONS.share, '{"t":123,"x":["<!channel>"]}'],
    ['Share with an unknown topic', ACTIONS.share, '{"t":"no-such-topic","x":"<!here>"}'],
    ['Did-you-mean with an empty value', actionId(ACTIONS.suggest, 0), ''],
    ['👍 with a 101-character id', ACTIONS.feedbackUp, 'q'.repeat(101)],
    ['👎 for a question that was never asked', ACTIONS.feedbackDown, '987654321'],
    ['a reason that does not exist', actionId(ACTIONS.feedbackReason, 'because'), '1'],
  ])('%s: acked, logged or answered politely, no score change', async (_name, actionIdValue, value) => {
    const { status } = await clickAndReply({ actionId: actionIdValue, value, channel: 'CQUIZ' });
    expect(status).toBe(200);
  });

  it('a button the app has no listener for (from an old version) is logged; Bolt answers 404 after 3 s', async () => {
    const { status } = await clickAndReply({
      actionId: 'srm_retired_button',
      value: '<!channel>',
      channel: 'C1',
    });
    expect(status).toBe(404);
    expect(bot.logs.some((l) => l.includes('not acknowledged within 3 seconds'))).toBe(true);
  });

  it('unreadable values were logged as such', () => {
    const unreadable = bot.logs.filter((l) => l.includes('unreadable'));
    expect(unreadable.length).toBeGreaterThanOrEqual(4);
  });
});

describe('afterwards', () => {
  it('the bot is still up and answers the next question; the one genuine answer is intact', async () => {
    const alive = await answersNextQuestion(bot);
    if (!alive) tally.crashes++;
    expect(alive).toBe(true);
    expect((await bot.store.listAnswers({})).filter((a) => !a.practice).map((a) => a.choice)).toEqual([
      'AWS',
    ]);
  });
});
