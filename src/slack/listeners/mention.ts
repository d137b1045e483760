// app_mention → answer in the thread of the question.
import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { answerQuestion } from './ask.ts';
import type { ListenerDeps } from './deps.ts';
import { isHumanMessage, NO_UNFURL } from './send.ts';

export const mention =
  (deps: ListenerDeps) =>
  async ({
    event,
    client,
    logger,
  }: SlackEventMiddlewareArgs<'app_mention'> & AllMiddlewareArgs): Promise<void> => {
    if (!isHumanMessage(event) || !event.user) return;
    const thread = event.thread_ts ?? event.ts;
    const msg = await answerQuestion(deps, logger, {
      text: event.text,
      userId: event.user,
      threadKey: `${event.channel}:${thread}`,
      noticeOnce: true,
    });
    if (!msg) return;
    await client.chat.postMessage({ channel: event.channel, thread_ts: thread, ...msg, ...NO_UNFURL });
  };
