// answerMessage: owner badge first, service, rationale, split, breakdown, source, buttons, fallback text, limits.
import { describe, expect, it } from 'vitest';
import type { Answer } from '../../../src/core/types.ts';
import { decodeAnswerRef } from '../../../src/slack/action-values.ts';
import { answerMessage } from '../../../src/slack/blocks/answer.ts';
import { ACTIONS } from '../../../src/slack/ids.ts';
import { checkBlockKitLimits } from '../../helpers/block-kit-limits.ts';
import { testEngine } from '../../helpers/build-args.ts';

const engine = testEngine();
const topic = (id: string) => {
  const t = engine.kb.topics.find((x) => x.id === id);
  if (!t) throw new Error(`no topic ${id}`);
  return t;
};
const json = (x: unknown) => JSON.stringify(x);
type Btn = { action_id: string; value: string; text: { text: string } };
const buttonsOf = (blocks: unknown[]): Btn[] =>
  (blocks as { type: string; elements?: Btn[] }[])
    .filter((b) => b.type === 'actions')
    .flatMap((b) => b.elements ?? []);

describe('answerMessage', () => {
  it('puts the owner badge first, then topic and service; fallback text names the owner', () => {
    const msg = answerMessage({
      answer: engine.answerTopic('guest-os-patching', 'ec2'),
      question: 'q',
      questionId: '7',
    });
    expect(msg.text).toMatch(/^Customer: Guest OS patching on EC2\./);
    const first = json(msg.blocks.find((b) => b.type === 'section'));
    expect(first).toContain(':large_blue_square: *Customer (you)* (blue)');
    expect(first).toContain('on *EC2*');
    expect(json(msg.blocks)).toContain('reviewed 2025-01-01');
    expect(json(msg.blocks)).toContain(
      '<https://aws.amazon.com/compliance/shared-responsibility-model/|AWS source>',
    );
    expect(checkBlockKitLimits(msg as never)).toEqual([]);
  });

  it.each([
    ['physical-security', ':large_orange_square: *AWS* (orange)'],
    ['patch-management', ':large_purple_square: *Shared* (purple)'],
  ])('badges %s', (id, badge) => {
    expect(json(answerMessage({ answer: engine.answerTopic(id), question: '' }).blocks)).toContain(badge);
  });

  it('shows the split for a Shared answer', () => {
    const msg = answerMessage({ answer: engine.answerTopic('patch-management'), question: '' });
    expect(json(msg.blocks)).toContain('*AWS does*\\nPatches the infrastructure.');
    expect(json(msg.blocks)).toContain('*You do*\\nPatches guest OS and apps.');
  });

  it('shows the per-service breakdown for a "depends" answer', () => {
    const answer = engine.answerTopic('guest-os-patching');
    expect(answer.kind).toBe('depends');
    const msg = answerMessage({ answer, question: '' });
    expect(msg.text).toMatch(/^It depends on the service: Guest OS patching\. EC2: Customer; Lambda: AWS/);
    expect(json(msg.blocks)).toContain(':large_blue_square: *EC2*: Customer');
  });

  it('adds feedback buttons only with a question id, and Share only when shareable', () => {
    const answer = engine.answerTopic('hypervisor');
    expect(buttonsOf(answerMessage({ answer, question: 'q' }).blocks)).toEqual([]);
    const ids = buttonsOf(
      answerMessage({ answer, question: 'q', questionId: '3', shareable: true }).blocks,
    ).map((b) => b.action_id);
    expect(ids).toEqual([ACTIONS.feedbackUp, ACTIONS.feedbackDown, ACTIONS.share]);
  });

  it('Share carries a reference that rebuilds the same answer', () => {
    const msg = answerMessage({
      answer: engine.answerTopic('guest-os-patching', 'lambda'),
      question: 'and lambda?',
      shareable: true,
      questionId: '9',
    });
    const share = buttonsOf(msg.blocks).find((b) => b.action_id === ACTIONS.share);
    expect(decodeAnswerRef(share?.value)).toEqual({
      t: 'guest-os-patching',
      s: 'lambda',
      q: '9',
      x: 'and lambda?',
    });
  });

  it('echoes the question escaped, and names the asker when shared', () => {
    const msg = answerMessage({
      answer: engine.answerTopic('hypervisor'),
      question: '<!channel> *who*',
      askedBy: 'UALICE',
    });
    const text = json(msg.blocks);
    expect(text).toContain('<@UALICE> asked: &lt;!channel&gt; *\u200Bwho*\u200B');
    expect(text).not.toContain('<!channel>');
  });

  it('offers up to three Did-you-mean buttons when unsure', () => {
    const answer: Answer = {
      kind: 'unsure',
      reason: 'no-match',
      confidence: 0.2,
      suggestions: ['hypervisor', 'physical-security', 'patch-management', 'security-groups'].map((id) => ({
        topic: id,
        title: topic(id).title,
      })),
    };
    const msg = answerMessage({ answer, question: 'hmm', questionId: '4' });
    const buttons = buttonsOf(msg.blocks);
    expect(buttons.map((b) => b.action_id)).toEqual([
      `${ACTIONS.suggest}:0`,
      `${ACTIONS.suggest}:1`,
      `${ACTIONS.suggest}:2`,
    ]);
    expect(decodeAnswerRef(buttons[0]?.value)).toMatchObject({ t: 'hypervisor', q: '4' });
    expect(msg.text).toContain('Did you mean: Hypervisor and virtualization layer');
  });

  it('says what it knows for an off-topic question, without guessing', () => {
    const msg = answerMessage({
      answer: { kind: 'unsure', reason: 'off-topic', confidence: 0, suggestions: [] },
      question: 'weather?',
    });
    expect(msg.text).toMatch(/^I answer who owns what under the AWS Shared Responsibility Model — try/);
  });

  it('stays within limits with a huge question and rationale', () => {
    const t = { ...topic('patch-management'), rationale: 'r'.repeat(9000), title: 't'.repeat(400) };
    const answer: Answer = {
      kind: 'answered',
      topic: t,
      service: null,
      owner: 'Shared',
      rationale: t.rationale,
      confidence: 1,
    };
    const msg = answerMessage({ answer, question: 'q'.repeat(10_000), questionId: '1', shareable: true });
    expect(checkBlockKitLimits(msg as never)).toEqual([]);
    expect(msg.text.length).toBeLessThanOrEqual(3000);
  });
});
