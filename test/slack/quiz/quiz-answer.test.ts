// quiz-answer listener with buildArgs fakes: recorded before the ack, private feedback, coalesced counter updates.
import { describe, expect, it, vi } from 'vitest';
import type { ListenerDeps } from '../../../src/slack/listeners/deps.ts';
import { createCoalescer, quizAnswer, quizValueSchema } from '../../../src/slack/listeners/quiz-answer.ts';
import { buildArgs, testDeps } from '../../helpers/build-args.ts';

type Args = Parameters<ReturnType<typeof quizAnswer>>[0];

async function postedQuiz(deps: ListenerDeps) {
  const quiz = await deps.store.claimPost(
    'CQUIZ',
    '2025-06-02',
    { topicId: 'hypervisor', serviceId: null, owner: 'AWS' },
    deps.now(),
  );
  if (!quiz) throw new Error('claim failed');
  await deps.store.updateQuiz(quiz.id, { ts: '111.222' });
  return quiz;
}

/** A click on the message in `channel` (the daily quiz's own by default); `null` for a body without a channel. */
function click(value: string, userId = 'UALICE', channel: string | null = 'CQUIZ') {
  const args = buildArgs({
    action: { value, action_id: 'srm_quiz_answer:AWS' },
    body: { user: { id: userId }, ...(channel ? { channel: { id: channel, name: 'quiz' } } : {}) },
  });
  const update = vi.fn(async (_a: unknown) => ({ ok: true }));
  (args.client as Record<string, unknown>).chat = { ...args.client.chat, update };
  return { args, update };
}

const replyText = (args: ReturnType<typeof buildArgs>): string =>
  String((args.respond.mock.calls[0]?.[0] as { text?: string } | undefined)?.text);

describe('quizValueSchema', () => {
  it.each(['42:AWS', '7:Customer', 'abc-1:Shared'])('accepts %s', (v) =>
    expect(quizValueSchema.safeParse(v).success).toBe(true),
  );
  it.each(['42', '42:Nobody', ':AWS', '42:AWS:x', 'x'.repeat(80)])('rejects %s', (v) =>
    expect(quizValueSchema.safeParse(v).success).toBe(false),
  );
});

describe('quizAnswer', () => {
  it('records the first answer before acking, replies privately, updates the public counter', async () => {
    const deps = testDeps();
    const quiz = await postedQuiz(deps);
    const record = vi.spyOn(deps.store, 'recordAnswer');
    const { args, update } = click(`${quiz.id}:Customer`);
    await quizAnswer(deps)(args as unknown as Args);

    expect(record.mock.invocationCallOrder[0]).toBeLessThan(args.ack.mock.invocationCallOrder[0] as number);
    const reply = args.respond.mock.calls[0]?.[0] as Record<string, unknown>;
    expect(reply).toMatchObject({
      response_type: 'ephemeral',
      replace_original: false,
      text: 'Not quite: it is AWS, not Customer.',
    });
    const counter = update.mock.calls[0]?.[0] as Record<string, unknown>;
    expect(counter).toMatchObject({ channel: 'CQUIZ', ts: '111.222' });
    expect(JSON.stringify(counter)).toContain('1 person has answered');
    expect(JSON.stringify(counter)).not.toContain('UALICE');
  });

  it('a second click keeps the first answer and says what it was; no counter update', async () => {
    const deps = testDeps();
    const quiz = await postedQuiz(deps);
    await quizAnswer(deps)(click(`${quiz.id}:AWS`).args as unknown as Args);
    const second = click(`${quiz.id}:Shared`);
    await quizAnswer(deps)(second.args as unknown as Args);
    expect(replyText(second.args)).toContain('You already answered AWS');
    expect(second.update).not.toHaveBeenCalled();
    expect(await deps.store.listAnswers({ channel: 'CQUIZ' })).toHaveLength(1);
  });

  it.each([
    ['another channel', 'COTHER'],
    ['no channel at all', null],
  ])('a daily quiz clicked from %s is refused politely, logged, and not recorded', async (_name, channel) => {
    const deps = testDeps();
    const quiz = await postedQuiz(deps);
    const record = vi.spyOn(deps.store, 'recordAnswer');
    const { args, update } = click(`${quiz.id}:AWS`, 'UALICE', channel);
    await quizAnswer(deps)(args as unknown as Args);
    expect(args.ack).toHaveBeenCalledOnce();
    expect(args.respond.mock.calls[0]?.[0]).toMatchObject({
      response_type: 'ephemeral',
      replace_original: false,
      text: "That button does not belong to this channel's quiz, so it was not counted.",
    });
    expect(args.logger.lines).toContain(
      `warn quiz answer: click on quiz ${quiz.id} from outside its channel refused`,
    );
    expect(record).not.toHaveBeenCalled();
    expect(update).not.toHaveBeenCalled();
    expect(await deps.store.listAnswers({})).toEqual([]);
  });

  it('a practice question (ephemeral, no channel of its own) is answered from wherever its owner sees it', async () => {
    const deps = testDeps();
    const quiz = await deps.store.createPractice(
      'UALICE',
      { topicId: 'hypervisor', serviceId: null, owner: 'AWS' },
      deps.now(),
    );
    const inDm = click(`${quiz.id}:AWS`, 'UALICE', 'D42');
    await quizAnswer(deps)(inDm.args as unknown as Args);
    expect(replyText(inDm.args)).toBe('Right! It is AWS.');
    const nowhere = click(`${quiz.id}:Shared`, 'UALICE', null);
    await quizAnswer(deps)(nowhere.args as unknown as Args);
    expect(replyText(nowhere.args)).toContain('You already answered AWS');
    expect(await deps.store.listAnswers({ userId: 'UALICE' })).toHaveLength(1);
  });

  it('practice answers get feedback but no public counter', async () => {
    const deps = testDeps();
    const quiz = await deps.store.createPractice(
      'UALICE',
      { topicId: 'hypervisor', serviceId: null, owner: 'AWS' },
      deps.now(),
    );
    const { args, update } = click(`${quiz.id}:AWS`);
    await quizAnswer(deps)(args as unknown as Args);
    expect(replyText(args)).toBe('Right! It is AWS.');
    expect(update).not.toHaveBeenCalled();
  });

  it('after the reveal a click is not recorded and is told the question is closed', async () => {
    const deps = testDeps();
    const quiz = await postedQuiz(deps);
    await deps.store.updateQuiz(quiz.id, { revealedAt: deps.now() });
    const { args } = click(`${quiz.id}:AWS`);
    await quizAnswer(deps)(args as unknown as Args);
    expect(args.ack).toHaveBeenCalledOnce();
    expect(replyText(args)).toContain('This question is closed');
    expect(await deps.store.listAnswers({ channel: 'CQUIZ' })).toHaveLength(0);
  });

  it('an unreadable value or unknown quiz is acked and logged or answered politely', async () => {
    const deps = testDeps();
    const bad = click('garbage');
    await quizAnswer(deps)(bad.args as unknown as Args);
    expect(bad.args.ack).toHaveBeenCalledOnce();
    expect(bad.args.logger.lines.join('\n')).toContain('unreadable');
    const gone = click('999:AWS');
    await quizAnswer(deps)(gone.args as unknown as Args);
    expect(replyText(gone.args)).toContain('no longer exists');
  });
});

describe('createCoalescer', () => {
  it('runs one task at a time per key and one more, after the gap, for everything that arrived meanwhile', async () => {
    const coalesce = createCoalescer(20);
    let runs = 0;
    let release: () => void = () => {};
    const task = () => {
      runs += 1;
      return new Promise<void>((r) => (release = r));
    };
    const first = coalesce('q1', task);
    const others = [coalesce('q1', task), coalesce('q1', task), coalesce('q1', task)];
    expect(runs).toBe(1);
    release();
    await new Promise((r) => setTimeout(r, 0));
    expect(runs).toBe(1); // the follow-up waits out the gap
    await new Promise((r) => setTimeout(r, 40));
    expect(runs).toBe(2);
    release();
    await Promise.all([first, ...others]);
    expect(runs).toBe(2);
  });

  it('keeps the gap after an update even when clicks trickle in one at a time', async () => {
    const coalesce = createCoalescer(50);
    let runs = 0;
    const task = async () => {
      runs += 1;
    };
    const done = [coalesce('q1', task)];
    for (let i = 0; i < 3; i++) {
      await new Promise((r) => setTimeout(r, 10));
      done.push(coalesce('q1', task));
    }
    expect(runs).toBe(1); // the later three land inside the first update's gap
    await Promise.all(done);
    expect(runs).toBe(2);
  });
});
