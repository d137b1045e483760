// E2E: /srm (question, help, topics, service) and the answer buttons (Share, Did you mean, 👍 / 👎 and why).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { answerMessage } from '../../../src/slack/blocks/answer.ts';
import { ACTIONS, actionId } from '../../../src/slack/ids.ts';
import { checkBlockKitLimits } from '../../helpers/block-kit-limits.ts';
import { type Harness, loadRealEngine, startBot } from '../../helpers/bot-harness.ts';
import type { RecordedCall } from '../../helpers/fake-slack.ts';
import { buttonClickForm, commandForm, sendSigned } from '../../helpers/slack-request.ts';

const FORM = 'application/x-www-form-urlencoded';
let h: Harness;
let n = 0;
beforeAll(async () => {
  h = await startBot();
});
afterAll(async () => h.stop());
beforeEach(() => h.slack.reset());

/** Sends /srm <text>; resolves with the ack status and the first response_url post. */
async function srm(text: string): Promise<{ status: number; reply: RecordedCall }> {
  const id = `cmd${++n}`;
  const res = await sendSigned(h.url, commandForm({ text, response_url: h.slack.responseUrl(id) }), FORM);
  const [reply] = await h.slack.waitFor(`response:${id}`);
  if (!reply) throw new Error('no reply');
  expect(checkBlockKitLimits(reply.body)).toEqual([]);
  return { status: res.status, reply };
}

type Button = { action_id: string; value: string; text: { text: string } };
const buttons = (call: RecordedCall): Button[] =>
  ((call.body.blocks as { type: string; elements?: Button[] }[]) ?? [])
    .filter((b) => b.type === 'actions')
    .flatMap((b) => b.elements ?? []);

async function click(button: Button, opts: { ephemeral?: boolean } = {}): Promise<RecordedCall[]> {
  const id = `click${++n}`;
  const form = buttonClickForm({
    actionId: button.action_id,
    value: button.value,
    responseUrl: h.slack.responseUrl(id),
    ...opts,
  });
  const res = await sendSigned(h.url, form, FORM);
  expect(res.status).toBe(200);
  return h.slack.waitFor(`response:${id}`);
}

describe('/srm', () => {
  it('answers a question privately with feedback and Share buttons', async () => {
    const { status, reply } = await srm('who patches the guest OS on EC2?');
    expect(status).toBe(200);
    expect(reply.body.response_type).toBe('ephemeral');
    expect(String(reply.body.text)).toMatch(/^Customer/);
    expect(buttons(reply).map((b) => b.action_id)).toEqual([
      ACTIONS.feedbackUp,
      ACTIONS.feedbackDown,
      ACTIONS.share,
    ]);
  });

  it.each(['', 'help', 'HELP'])('shows usage with examples for "%s"', async (text) => {
    const { reply } = await srm(text);
    expect(String(reply.body.text)).toContain('/srm who patches the guest OS on EC2?');
  });

  it('lists topics grouped by area', async () => {
    const { reply } = await srm('topics');
    const sections = JSON.stringify(reply.body.blocks);
    expect(sections).toContain('*Infrastructure*');
    expect(sections).toContain('*Databases*');
  });

  it.each([
    ['rds', 'RDS'],
    ['Lambda', 'Lambda'],
  ])('shows the layer stack for /srm %s', async (text, short) => {
    const { reply } = await srm(text);
    expect(String(reply.body.text)).toMatch(new RegExp(`^${short} responsibility stack`));
    expect(JSON.stringify(reply.body.blocks)).toContain('Guest operating system');
  });

  it('says what it does know for an off-scope question', async () => {
    const { reply } = await srm("what's the weather in Paris?");
    expect(String(reply.body.text)).toContain(
      'I answer who owns what under the AWS Shared Responsibility Model',
    );
  });
});

describe('answer buttons', () => {
  it('Share posts the same answer in the channel as "<@user> asked" and removes the private copy', async () => {
    const { reply } = await srm('who secures the hypervisor?');
    const share = buttons(reply).find((b) => b.action_id === ACTIONS.share);
    if (!share) throw new Error('no share button');
    const posts = await click(share, { ephemeral: true });
    await h.slack.waitFor(posts[0]?.method ?? '', 2);
    const [shared, removed] = h.slack.callsTo(posts[0]?.method ?? '');
    expect(shared?.body).toMatchObject({ response_type: 'in_channel', unfurl_links: false });
    expect(JSON.stringify(shared?.body.blocks)).toContain('<@UALICE> asked: who secures the hypervisor?');
    expect(String(shared?.body.text)).toMatch(/^AWS/);
    expect(checkBlockKitLimits(shared?.body ?? {})).toEqual([]);
    expect(removed?.body).toMatchObject({ delete_original: true });
  });

  it('a Did-you-mean pick answers that topic in place', async () => {
    // Which questions leave the real engine unsure shifts as the knowledge base grows, so the "not sure"
    // message is built here from real topics, exactly as the bot builds it, and its first button is clicked.
    const [a, b] = loadRealEngine().kb.topics;
    if (!a || !b) throw new Error('knowledge base has fewer than two topics');
    const unsure = answerMessage({
      answer: {
        kind: 'unsure',
        reason: 'no-match',
        confidence: 0.3,
        suggestions: [a, b].map((t) => ({ topic: t.id, title: t.title })),
      },
      question: 'that patching thing',
    });
    const call = { method: 'x', at: 0, body: unsure as unknown as Record<string, unknown> };
    const maybe = buttons(call).filter((x) => x.action_id.startsWith(`${ACTIONS.suggest}:`));
    expect(maybe.map((x) => x.text.text)).toEqual([a.title, b.title]);
    const [answered] = await click(maybe[0] as Button, { ephemeral: true });
    expect(answered?.body).toMatchObject({ replace_original: true });
    expect(String(answered?.body.text)).toContain(a.title);
    expect(JSON.stringify(answered?.body.blocks)).toContain('You asked: that patching thing');
    expect(checkBlockKitLimits(answered?.body ?? {})).toEqual([]);
  });

  it('👍 is recorded and thanked; 👎 asks why and records the reason; report counts it', async () => {
    const { reply } = await srm('who rotates the IAM access keys?');
    const up = buttons(reply).find((b) => b.action_id === ACTIONS.feedbackUp);
    const down = buttons(reply).find((b) => b.action_id === ACTIONS.feedbackDown);
    if (!up || !down) throw new Error('no feedback buttons');
    const [thanks] = await click(up);
    expect(String(thanks?.body.text)).toContain('Thanks');

    const [why] = await click(down);
    const reasons = buttons(why as RecordedCall);
    expect(reasons.map((b) => b.text.text)).toEqual([
      'Wrong owner',
      'Missing or bad source',
      'Not what I asked',
    ]);
    const wrongOwner = reasons.find((b) => b.action_id === actionId(ACTIONS.feedbackReason, 'wrong-owner'));
    if (!wrongOwner) throw new Error('no wrong-owner button');
    const [noted] = await click(wrongOwner);
    expect(noted?.body).toMatchObject({ replace_original: true });

    const report = await h.store.report();
    expect(report.downvoted).toEqual([
      expect.objectContaining({
        text: 'who rotates the IAM access keys?',
        count: 1,
        reasons: { 'wrong-owner': 1 },
      }),
    ]);
  });

  it('a failing response_url (expired, used up) is logged, not fatal', async () => {
    h.slack.script('response:gone', { status: 500 });
    const form = commandForm({ text: 'help', response_url: h.slack.responseUrl('gone') });
    const res = await sendSigned(h.url, form, FORM);
    expect(res.status).toBe(200);
    await new Promise((r) => setTimeout(r, 200));
    expect(h.logs.some((l) => l.includes('respond() failed with HTTP 500'))).toBe(true);
    const { reply } = await srm('help'); // and the bot still answers
    expect(String(reply.body.text)).toContain('/srm');
  });
});
