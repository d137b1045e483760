// E2E, real Bolt app over HTTP + fake Slack: /srm quiz now → question; signed clicks → private feedback, counter, scores.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createMemoryStore } from '../../../src/store/memory.ts';
import { checkBlockKitLimits } from '../../helpers/block-kit-limits.ts';
import { type Harness, startBot } from '../../helpers/bot-harness.ts';
import type { RecordedCall } from '../../helpers/fake-slack.ts';
import { buttonClickForm, commandForm, eventEnvelope, sendSigned } from '../../helpers/slack-request.ts';

const FORM = 'application/x-www-form-urlencoded';
// A Monday, before the 09:00 run: start-up has nothing to catch up, so only the test's commands post.
const NOW = new Date('2026-03-02T08:00:00Z');
let h: Harness;
let n = 0;

beforeAll(async () => {
  h = await startBot({
    env: { QUIZ_CHANNEL: 'CQUIZ', QUIZ_ADMINS: 'UADMIN', QUIZ_CRON: '0 9 * * 1-5' },
    store: createMemoryStore(),
    now: () => NOW,
  });
});
afterAll(async () => h.stop());
beforeEach(() => h.slack.reset());

/** Every payload the bot sent so far fits Block Kit's limits. */
function expectAllWithinLimits(): void {
  for (const call of h.slack.calls) {
    if (call.body.blocks || call.body.view) expect(checkBlockKitLimits(call.body), call.method).toEqual([]);
  }
}

async function srm(text: string, userId = 'UALICE', channelId = 'CQUIZ'): Promise<RecordedCall> {
  const id = `cmd${++n}`;
  const res = await sendSigned(
    h.url,
    commandForm({ text, response_url: h.slack.responseUrl(id), user_id: userId, channel_id: channelId }),
    FORM,
  );
  expect(res.status).toBe(200);
  const [reply] = await h.slack.waitFor(`response:${id}`);
  return reply as RecordedCall;
}

type Button = { action_id: string; value: string };
const buttonsOf = (call: RecordedCall): Button[] =>
  ((call.body.blocks as { type: string; elements?: Button[] }[]) ?? [])
    .filter((b) => b.type === 'actions')
    .flatMap((b) => b.elements ?? []);

/** A click in CQUIZ: the daily question is posted there, and /srm practice is run there too. */
async function click(button: Button, userId: string, ephemeral = false): Promise<RecordedCall> {
  const id = `click${++n}`;
  const form = buttonClickForm({
    actionId: button.action_id,
    value: button.value,
    responseUrl: h.slack.responseUrl(id),
    userId,
    channelId: 'CQUIZ',
    ephemeral,
  });
  const res = await sendSigned(h.url, form, FORM);
  expect(res.status).toBe(200);
  const [reply] = await h.slack.waitFor(`response:${id}`);
  return reply as RecordedCall;
}

const text = (call: RecordedCall | undefined) => String(call?.body.text);

describe('daily quiz end to end', () => {
  let question: RecordedCall;

  it('/srm quiz shows the settings and the next run', async () => {
    const reply = await srm('quiz');
    expect(JSON.stringify(reply.body.blocks)).toContain('<#CQUIZ>');
    expect(JSON.stringify(reply.body.blocks)).toContain('2 Mar 2026, 09:00 (UTC)');
    expectAllWithinLimits();
  });

  it('a non-admin gets a polite refusal and nothing is posted', async () => {
    const reply = await srm('quiz now', 'UBOB');
    expect(text(reply)).toMatch(/^Sorry — only workspace admins/);
    expect(h.slack.callsTo('users.info')).toHaveLength(1);
    expect(h.slack.callsTo('chat.postMessage')).toHaveLength(0);
  });

  it('/srm quiz now (admin) posts a question with AWS / Customer / Shared buttons', async () => {
    const reply = await srm('quiz now', 'UADMIN');
    expect(text(reply)).toContain("Posted today's question");
    [question] = (await h.slack.waitFor('chat.postMessage')) as [RecordedCall];
    expect(question.body.channel).toBe('CQUIZ');
    expect(text(question)).toMatch(/^Quiz: Who is responsible for /);
    expect(buttonsOf(question).map((b) => b.value.split(':')[1])).toEqual(['AWS', 'Customer', 'Shared']);
    expectAllWithinLimits();
  });

  it('clicks from several users → private feedback each, a counter via chat.update, never who answered', async () => {
    const [aws, customer] = buttonsOf(question) as [Button, Button, Button];
    const quiz = await h.store.getQuiz(aws.value.split(':')[0] as string);
    const right = buttonsOf(question).find((b) => b.value.endsWith(`:${quiz?.owner}`)) as Button;
    const wrong = right === aws ? customer : aws;

    const replies = [await click(right, 'UANN'), await click(right, 'UBEN'), await click(wrong, 'UCAT')];
    expect(replies.map((r) => r.body.response_type)).toEqual(['ephemeral', 'ephemeral', 'ephemeral']);
    expect(replies.map((r) => r.body.replace_original)).toEqual([false, false, false]);
    expect(text(replies[0])).toMatch(/^Right!/);
    expect(text(replies[2])).toMatch(/^Not quite/);
    expect(JSON.stringify(replies[2]?.body.blocks)).toContain('/srm ');

    const updates = await h.slack.waitFor('chat.update');
    expect(updates.at(-1)?.body).toMatchObject({ channel: 'CQUIZ', ts: quiz?.ts });
    await expect
      .poll(() => JSON.stringify(h.slack.callsTo('chat.update').at(-1)?.body.blocks))
      .toContain('3 people have answered');
    const publicText = JSON.stringify(h.slack.callsTo('chat.update').map((c) => c.body));
    expect(publicText).not.toMatch(/UANN|UBEN|UCAT/);
    expectAllWithinLimits();
  });

  it('the same user clicking again keeps one answer and is told what they chose', async () => {
    const [aws, , shared] = buttonsOf(question) as [Button, Button, Button];
    const first = await click(aws, 'UDAN');
    const second = await click(shared, 'UDAN');
    expect(text(first)).toMatch(/^(Right!|Not quite)/);
    expect(text(second)).toBe('You already answered AWS — only your first answer counts.');
    const answers = await h.store.listAnswers({ channel: 'CQUIZ', userId: 'UDAN' });
    expect(answers.map((a) => a.choice)).toEqual(['AWS']);
  });

  it('/srm stats and /srm leaderboard count the points right', async () => {
    const ann = await srm('stats', 'UANN');
    expect(JSON.stringify(ann.body.blocks)).toContain(
      '*1* point · streak *1* (best 1) · accuracy *100%* over 1 answer',
    );
    const cat = await srm('stats', 'UCAT');
    expect(JSON.stringify(cat.body.blocks)).toContain(
      '*0* points · streak *0* (best 0) · accuracy *0%* over 1 answer',
    );
    const board = JSON.stringify((await srm('leaderboard')).body.blocks);
    expect(board).toContain(':first_place_medal: <@UANN> — *1* pt');
    expect(board).toContain(':second_place_medal: <@UBEN> — *1* pt');
    expect(board).not.toContain('UCAT> — *1*');
    expectAllWithinLimits();
  });

  it('a second /srm quiz now the same day does not post twice', async () => {
    const reply = await srm('quiz now', 'UADMIN');
    expect(text(reply)).toContain('already up');
    expect(h.slack.callsTo('chat.postMessage')).toHaveLength(0);
  });

  it('/srm practice gives a private question; its answer gets feedback but no counter or points', async () => {
    const reply = await srm('practice', 'UCAT');
    expect(reply.body.response_type).toBe('ephemeral');
    const [first] = buttonsOf(reply) as [Button];
    const feedback = await click(first, 'UCAT', true);
    expect(text(feedback)).toMatch(/^(Right!|Not quite)/);
    expect(h.slack.callsTo('chat.update')).toHaveLength(0);
    const stats = await srm('stats', 'UCAT');
    expect(JSON.stringify(stats.body.blocks)).toContain('over 1 answer');
  });

  it('a workspace admin (users.info is_admin) may change the schedule; a bad cron is explained', async () => {
    h.slack.script(
      'users.info',
      { body: { ok: true, user: { id: 'UOWNER', is_admin: true } } },
      { body: { ok: true, user: { id: 'UOWNER', is_owner: true } } },
    );
    const bad = await srm('quiz schedule "0 99 * * *" UTC', 'UOWNER');
    expect(text(bad)).toContain('That is not a five-field cron expression');
    const good = await srm('quiz schedule "30 16 * * 1-5" Europe/Berlin', 'UOWNER');
    expect(JSON.stringify(good.body.blocks)).toContain('2 Mar 2026, 16:30 (Europe/Berlin)');
    expect(await h.store.getQuizSettings()).toMatchObject({
      cron: '30 16 * * 1-5',
      tz: 'Europe/Berlin',
      channel: 'CQUIZ',
    });
  });

  it('the App Home tab shows the asker’s stats and the leaderboard', async () => {
    await sendSigned(
      h.url,
      eventEnvelope({ type: 'app_home_opened', user: 'UANN', channel: 'D1', tab: 'home' }),
      'application/json',
    );
    const [publish] = await h.slack.waitFor('views.publish');
    const body = JSON.stringify(publish?.body.view);
    expect(body).toContain('Your quiz stats');
    expect(body).toContain('Quiz leaderboard');
    expectAllWithinLimits();
  });

  it('quiz here / off from an admin; the bot not being in the channel is explained with /invite', async () => {
    const here = await srm('quiz here', 'UADMIN', 'CNEW');
    expect(text(here)).toContain('The daily quiz will be posted in <#CNEW>');
    h.slack.script('chat.postMessage', { body: { ok: false, error: 'not_in_channel' } });
    const now = await srm('quiz now', 'UADMIN', 'CNEW');
    expect(JSON.stringify(now.body.blocks)).toContain('/invite @srm-bot');
    const off = await srm('quiz off', 'UADMIN');
    expect(text(off)).toContain('The daily quiz is off');
    expect((await srm('quiz')).body.blocks).toBeDefined();
    expectAllWithinLimits();
  });
});
