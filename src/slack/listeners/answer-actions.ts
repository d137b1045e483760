// Answer buttons: Share in channel, Did-you-mean picks (answered in place), 👍 / 👎 and the 👎 reason.
import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { z } from 'zod';
import type { DownvoteReason } from '../../store/store.ts';
import { decodeAnswerRef, questionIdSchema } from '../action-values.ts';
import { answerMessage } from '../blocks/answer.ts';
import { reasonNotedMessage, thanksMessage, whyMessage } from '../blocks/feedback.ts';
import { ACTIONS } from '../ids.ts';
import type { ListenerDeps } from './deps.ts';
import { safeRespond } from './send.ts';

type ButtonArgs = SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs;

const reasonSchema = z.enum(['wrong-owner', 'bad-source', 'not-what-i-asked'] satisfies DownvoteReason[]);

/** Posts the answer publicly as "<@user> asked: …", then removes the private copy. */
export const share =
  (deps: ListenerDeps) =>
  async ({ ack, action, body, respond, logger }: ButtonArgs): Promise<void> => {
    await ack();
    const ref = decodeAnswerRef(action.value);
    if (!ref) return logger.warn('share: unreadable button value');
    const answer = deps.engine.answerTopic(ref.t, ref.s ?? null);
    const msg = answerMessage({ answer, question: ref.x ?? '', questionId: ref.q, askedBy: body.user.id });
    const posted = await safeRespond(respond, logger, msg, {
      response_type: 'in_channel',
      replace_original: false,
    });
    if (posted)
      await safeRespond(respond, logger, { text: 'Shared.', blocks: [] }, { delete_original: true });
  };

/** A Did-you-mean pick answers that topic in place of the "not sure" message. */
export const suggest =
  (deps: ListenerDeps) =>
  async ({ ack, action, body, respond, logger }: ButtonArgs): Promise<void> => {
    await ack();
    const ref = decodeAnswerRef(action.value);
    if (!ref) return logger.warn('suggest: unreadable button value');
    const answer = deps.engine.answerTopic(ref.t, ref.s ?? null);
    const thread = body.message?.thread_ts;
    if (thread && body.channel?.id && answer.kind !== 'unsure')
      deps.threads.set(`${body.channel.id}:${thread}`, ref.t);
    const shareable = body.container?.is_ephemeral === true;
    const msg = answerMessage({ answer, question: ref.x ?? '', questionId: ref.q, shareable });
    await safeRespond(respond, logger, msg, { replace_original: true });
  };

/**
 * 👍 says thanks; 👎 asks why. Either vote counts at once, so a user who never says why still counts.
 */
export const feedbackVote =
  (deps: ListenerDeps, vote: 'up' | 'down') =>
  async ({ ack, action, body, respond, logger }: ButtonArgs): Promise<void> => {
    await ack();
    const questionId = questionIdSchema.safeParse(action.value);
    if (!questionId.success) return logger.warn('feedback: unreadable button value');
    await deps.store.recordFeedback({
      questionId: questionId.data,
      userId: body.user.id,
      vote,
      at: deps.now(),
    });
    const reply = vote === 'up' ? thanksMessage() : whyMessage(questionId.data);
    await safeRespond(respond, logger, reply, { replace_original: false });
  };

export const feedbackReason =
  (deps: ListenerDeps) =>
  async ({ ack, action, body, respond, logger }: ButtonArgs): Promise<void> => {
    await ack();
    const questionId = questionIdSchema.safeParse(action.value);
    const reason = reasonSchema.safeParse(action.action_id.slice(ACTIONS.feedbackReason.length + 1));
    if (!questionId.success || !reason.success) return logger.warn('feedback reason: unreadable button');
    await deps.store.recordFeedback({
      questionId: questionId.data,
      userId: body.user.id,
      vote: 'down',
      reason: reason.data,
      at: deps.now(),
    });
    await safeRespond(respond, logger, reasonNotedMessage(reason.data), { replace_original: true });
  };
