// message.im → answer in the DM (in its thread when the question was asked in one).
import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { answerQuestion } from './ask.ts';
import type { ListenerDeps } from './deps.ts';
import { isHumanMessage, NO_UNFURL } from './send.ts';

export const directMessage =
  (deps: ListenerDeps) =>
  async ({
    event,
    client,
    logger,
  }: SlackEventMiddlewareArgs<'message'> & AllMiddlewareArgs): Promise<void> => {
    // Subtypes (edits, deletions, bot posts) carry no new question; only plain DMs from people do.
    if (!isHumanMessage(event) || event.channel_type !== 'im') return;
    const msg = await answerQuestion(deps, logger, {
      text: event.text ?? '',
      userId: event.user,
      threadKey: event.thread_ts ? `${event.channel}:${event.thread_ts}` : event.channel,
      noticeOnce: true,
    });
    if (!msg) return;
    await client.chat.postMessage({
      channel: event.channel,
      ...(event.thread_ts ? { thread_ts: event.thread_ts } : {}),
      ...msg,
      ...NO_UNFURL,
    });
  };
