// Injection: user text never reaches a message live — not through the builders, not through the real app end to end.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Answer } from '../../src/core/types.ts';
import { encodeAnswerRef } from '../../src/slack/action-values.ts';
import { answerMessage } from '../../src/slack/blocks/answer.ts';
import { ACTIONS, actionId } from '../../src/slack/ids.ts';
import { checkBlockKitLimits } from '../helpers/block-kit-limits.ts';
import { loadRealEngine } from '../helpers/bot-harness.ts';
import { answersOfEveryKind } from './answers.ts';
import { userText } from './arbitraries.ts';
import { type Bot, settle, startHardenedBot } from './harness.ts';
import { INJECTIONS, liveEchoes, markupProfile, renderedTexts } from './inert.ts';
import { buttonsOf, click, dmEvent, mentionEvent, sendEvent, srm } from './requests.ts';
import { reportTally, tally } from './tally.ts';

reportTally(import.meta.filename);

const engine = loadRealEngine();
const ALL = INJECTIONS.join(' ');

describe('the detector', () => {
  it('flags live control sequences, unbroken styling and quotes, and passes their escaped forms', () => {
    const live = (text: string) =>
      liveEchoes({ text: 'x', blocks: [{ type: 'context', elements: [{ type: 'mrkdwn', text }] }] });
    for (const raw of INJECTIONS.filter((i) => !i.startsWith('&') && !i.startsWith('<<')))
      expect(live(`asked: ${raw}`), raw).not.toEqual([]);
    expect(live('asked: &lt;!channel&gt; *\u200BEVILBOLD*\u200B &gt; EVILQUOTE')).toEqual([]);
    expect(liveEchoes({ text: 'fallback <!here>', blocks: [] })).not.toEqual([]); // the fallback is parsed too
  });
});

describe('answer builder, property-based', () => {
  const answers = answersOfEveryKind(engine);

  it('covers every shape of answer', () => {
    expect([...answers.keys()].sort()).toEqual([
      'answered:AWS',
      'answered:Customer',
      'answered:Shared',
      'depends',
      'unsure:empty',
      'unsure:no-match',
      'unsure:no-match:nothing-close',
      'unsure:off-topic',
      'unsure:too-long',
    ]);
  });

  it('adds no live markup for any user text: same control sequences, styling markers and lines as a plain question', () => {
    const hostile = fc.oneof(
      userText,
      fc.tuple(userText, fc.constantFrom(...INJECTIONS), userText).map((parts) => parts.join('')),
      fc.array(fc.constantFrom(...INJECTIONS), { minLength: 1, maxLength: 25 }).map((p) => p.join('')),
    );
    fc.assert(
      fc.property(
        fc.constantFrom(...answers.values()),
        hostile,
        fc.boolean(),
        fc.option(fc.stringMatching(/^U[A-Z0-9]{2,10}$/), { nil: undefined }),
        (answer, question, shareable, askedBy) => {
          tally.fuzzCases++;
          const view = { answer, questionId: '7', shareable, askedBy };
          const msg = answerMessage({ ...view, question });
          const live = liveEchoes(msg);
          tally.unescapedEchoes += live.length;
          expect(live, question).toEqual([]);
          // The plain question is only echoed when the hostile one is (whitespace-only text is not echoed).
          const plain = answerMessage({ ...view, question: question.trim() ? 'who owns this' : '' });
          expect(markupProfile(msg)).toEqual(markupProfile(plain));
          expect(checkBlockKitLimits(msg as unknown as Record<string, unknown>)).toEqual([]);
        },
      ),
      { numRuns: 1_200 },
    );
  });

  it('shows every hostile string as text: entities for < > &, zero-width-broken styling', () => {
    const answer = answers.get('answered:Customer') as Answer;
    const shown = (question: string) => renderedTexts(answerMessage({ answer, question })).join('\n');
    expect(shown('<!channel>')).toContain('&lt;!channel&gt;');
    expect(shown('<@UEVIL1>')).toContain('&lt;@UEVIL1&gt;');
    expect(shown('<https://evil.example/login|trusted>')).toContain(
      '&lt;https://evil.example/login|trusted&gt;',
    );
    expect(shown('*EVILBOLD*')).toContain('*\u200BEVILBOLD*\u200B');
    expect(shown('```EVILBLOCK```')).toContain('`\u200B`\u200B`\u200BEVILBLOCK');
    expect(shown('&lt;!channel&gt;')).toContain('&amp;lt;!channel&amp;gt;'); // typed entities stay literal text
  });
});

describe('the real app end to end', () => {
  let bot: Bot;
  beforeAll(async () => {
    bot = await startHardenedBot({ env: { QUIZ_ADMINS: 'UADMIN', RATE_LIMIT_PER_MINUTE: '1000' } });
  });
  afterAll(async () => bot.stop());

  /** Every payload the bot sent so far: checked for live echoes, and counted when it did echo the hostile text. */
  function audit(): { payloads: number; echoing: number } {
    let echoing = 0;
    for (const call of bot.slack.calls) {
      const live = liveEchoes(call.body);
      tally.unescapedEchoes += live.length;
      expect(live, `${call.method}: ${JSON.stringify(call.body).slice(0, 300)}`).toEqual([]);
      if (renderedTexts(call.body).some((t) => t.includes('EVIL'))) echoing++;
    }
    return { payloads: bot.slack.calls.length, echoing };
  }

  it('mention, thread follow-up and DM echo the question defused', async () => {
    await sendEvent(
      bot,
      mentionEvent(`who patches the guest OS on EC2? ${ALL}`, { ts: '1800000001.000001' }),
    );
    await bot.slack.waitFor('chat.postMessage', 1);
    const followUp = mentionEvent(`and on Lambda? ${ALL}`, {
      ts: '1800000002.000001',
      thread_ts: '1800000001.000001',
    });
    await sendEvent(bot, followUp);
    await sendEvent(bot, dmEvent(`who secures the hypervisor? ${ALL}`));
    await sendEvent(
      bot,
      dmEvent(`${ALL} something I do not know about`, 'UALICE', 'D1', { thread_ts: '1.1' }),
    );
    const posts = await bot.slack.waitFor('chat.postMessage', 4);
    expect(posts[1]?.body.thread_ts).toBe('1800000001.000001');
    expect(String(posts[1]?.body.text)).toMatch(/Lambda/); // the follow-up really used the thread topic
    for (const post of posts) expect(post.body.unfurl_links).toBe('false');
  });

  it('/srm, Share in channel and Did-you-mean echo it defused, also from forged button values', async () => {
    const { reply } = await srm(bot, `who patches the guest OS on EC2? ${ALL}`);
    const share = buttonsOf(reply).find((b) => b.action_id === ACTIONS.share);
    expect(share).toBeDefined();
    const shared = await click(bot, { actionId: ACTIONS.share, value: share?.value ?? '', ephemeral: true });
    await bot.slack.waitFor(`response:${shared.id}`, 2); // the public answer, then the private copy removed

    const { reply: unsure } = await srm(bot, `${ALL} encryption maybe`);
    const pick = buttonsOf(unsure).find((b) => b.action_id.startsWith(ACTIONS.suggest));
    expect(pick).toBeDefined();
    const picked = await click(bot, {
      actionId: pick?.action_id ?? '',
      value: pick?.value ?? '',
      ephemeral: true,
    });
    await bot.slack.waitFor(`response:${picked.id}`);

    // Values are ours, but a value is only as trusted as its signature: rebuild them with hostile text inside.
    const topic = engine.kb.topics[0]?.id ?? '';
    const forged = encodeAnswerRef({ t: topic, x: ALL });
    const forgedShare = await click(bot, { actionId: ACTIONS.share, value: forged, ephemeral: true });
    const forgedPick = await click(bot, {
      actionId: actionId(ACTIONS.suggest, 0),
      value: forged,
      ephemeral: true,
    });
    await bot.slack.waitFor(`response:${forgedShare.id}`, 2);
    await bot.slack.waitFor(`response:${forgedPick.id}`);
    // The forged Share really went public (so the audit below covers a channel post), then removed the private copy.
    const [posted, removed] = bot.slack.callsTo(`response:${forgedShare.id}`);
    expect(posted?.body.response_type).toBe('in_channel');
    expect(removed?.body.delete_original).toBe(true);
  });

  it('an admin’s malformed quiz schedule is quoted back defused', async () => {
    const { reply } = await srm(bot, `quiz schedule "${ALL}" UTC`, 'UADMIN');
    expect(String(reply.body.text)).toContain('That is not a five-field cron expression');
    const { reply: tz } = await srm(bot, 'quiz schedule "0 9 * * *" <!channel>*EVILBOLD*', 'UADMIN');
    expect(String(tz.body.text)).toContain('That is not an IANA time zone');
  });

  it('no payload sent in this file carried a live echo, and the hostile text really was echoed', async () => {
    await settle(bot.slack);
    const { payloads, echoing } = audit();
    expect(payloads).toBeGreaterThanOrEqual(12);
    expect(echoing).toBeGreaterThanOrEqual(10); // the audit saw the user text in most replies, defused
  });
});
