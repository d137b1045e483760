// Quiz button → record the answer (first wins) → ack → private feedback → public "N answered" counter.
import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { z } from 'zod';
import { OWNERS, type Owner } from '../../core/types.ts';
import type { AnswerResult } from '../../store/store.ts';
import {
  alreadyAnsweredMessage,
  quizClosedMessage,
  quizFeedbackMessage,
  quizGoneMessage,
  quizQuestionMessage,
  quizView,
  quizWrongChannelMessage,
} from '../blocks/quiz.ts';
import type { ListenerDeps } from './deps.ts';
import { safeRespond } from './send.ts';

type ButtonArgs = SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs;
type Client = AllMiddlewareArgs['client'];

/** `<quizId>:<choice>`, as blocks/quiz.ts builds it. */
export const quizValueSchema = z
  .string()
  .regex(/^[A-Za-z0-9-]{1,64}:[A-Za-z]+$/)
  .transform((v) => {
    const [quizId, choice] = v.split(':') as [string, string];
    return { quizId, choice };
  })
  .pipe(z.object({ quizId: z.string(), choice: z.enum(OWNERS as [Owner, ...Owner[]]) }));

/**
 * One chat.update in flight per quiz, and `gapMs` of quiet after each: clicks during an update or its gap mark it
 * dirty, and one more update follows with the latest count once the gap is over. A morning rush of 200 clicks
 * then costs a few updates, not 200, and so do clicks that trickle in a little apart: chat.update is
 * rate-limited per channel, and every update taken off the bot's hands speeds up the feedback the clickers are
 * waiting for.
 */
export function createCoalescer(gapMs = 1_000) {
  const pending = new Map<string, { dirty: boolean; task: () => Promise<void>; done: Promise<void> }>();
  return (key: string, task: () => Promise<void>): Promise<void> => {
    const current = pending.get(key);
    if (current) {
      current.dirty = true;
      current.task = task;
      return current.done;
    }
    const entry = { dirty: true, task, done: Promise.resolve() };
    pending.set(key, entry);
    entry.done = (async () => {
      while (entry.dirty) {
        entry.dirty = false;
        await entry.task();
        await new Promise((resolve) => setTimeout(resolve, gapMs));
      }
      pending.delete(key);
    })();
    return entry.done;
  };
}

async function updateCounter(deps: ListenerDeps, client: Client, quizId: string): Promise<void> {
  const quiz = await deps.store.getQuiz(quizId);
  // Never overwrite the reveal with the question again.
  if (!quiz?.channel || !quiz.ts || quiz.revealedAt) return;
  const answered = quiz.counts.AWS + quiz.counts.Customer + quiz.counts.Shared;
  const msg = quizQuestionMessage(quizView(deps.engine.kb, quiz), answered);
  await client.chat.update({ channel: quiz.channel, ts: quiz.ts, ...msg });
}

export const quizAnswer = (deps: ListenerDeps) => {
  const coalesce = createCoalescer();
  return async ({ ack, action, body, respond, client, logger }: ButtonArgs): Promise<void> => {
    const parsed = quizValueSchema.safeParse(action.value);
    if (!parsed.success) {
      await ack();
      return logger.warn('quiz answer: unreadable button value');
    }
    const { quizId, choice } = parsed.data;
    const found = await deps.store.getQuiz(quizId);
    // Practice questions are ephemeral to the one who asked: anyone else's click on one is treated as forged.
    const quiz = found && (!found.practice || found.userId === body.user.id) ? found : null;
    const privately = { replace_original: false };
    // A daily quiz is answered only from its own message, so a click naming it from another channel (or none) is
    // forged or stale. Practice questions are ephemeral and have no channel; their owner check above suffices.
    if (quiz && !quiz.practice && quiz.channel !== body.channel?.id) {
      await ack();
      logger.warn(`quiz answer: click on quiz ${quizId} from outside its channel refused`);
      return void (await safeRespond(respond, logger, quizWrongChannelMessage(), privately));
    }
    let result: AnswerResult = { status: 'unknown-quiz' };
    // Recorded before the ack: a click Slack saw acknowledged survives even a SIGKILL right after. A failed write
    // is not acknowledged at all (Slack marks the click failed, app.error says why), so no 200 hides a lost answer.
    if (quiz && !quiz.revealedAt) {
      result = await deps.store.recordAnswer({ quizId, userId: body.user.id, choice, at: deps.now() });
    }
    await ack();
    if (!quiz) return void (await safeRespond(respond, logger, quizGoneMessage(), privately));
    const view = quizView(deps.engine.kb, quiz);
    if (quiz.revealedAt) return void (await safeRespond(respond, logger, quizClosedMessage(view), privately));
    if (result.status === 'unknown-quiz')
      return void (await safeRespond(respond, logger, quizGoneMessage(), privately));
    const reply =
      result.status === 'accepted'
        ? quizFeedbackMessage(view, choice)
        : alreadyAnsweredMessage(view, result.choice);
    await safeRespond(respond, logger, reply, privately);
    // Practice is private: no public message, no counter.
    if (result.status === 'accepted' && !quiz.practice) {
      await coalesce(quizId, () =>
        updateCounter(deps, client, quizId).catch((error: Error) =>
          logger.warn(`quiz counter update failed: ${error.message}`),
        ),
      );
    }
  };
};
