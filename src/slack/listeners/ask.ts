// The shared question path for mentions, DMs and /srm: rate limit → engine (with thread context) → log → blocks.

import type { Logger } from '@slack/bolt';
import { answerMessage } from '../blocks/answer.ts';
import { slowDownMessage } from '../blocks/feedback.ts';
import type { SlackMessage } from '../blocks/mrkdwn.ts';
import { redactTokens } from '../logger.ts';
import type { ListenerDeps } from './deps.ts';

export interface Question {
  text: string;
  userId: string;
  /** Conversation key (`channel:thread_ts`, or the DM channel) for follow-ups like "and on Lambda?". */
  threadKey?: string;
  shareable?: boolean;
  /** Mentions and DMs post a message per reply: past the limit, say "slow down" once a window, then stay quiet. */
  noticeOnce?: boolean;
}

/**
 * Mentions of people (and the bot itself) are addressing, not content; they are never stored or echoed.
 * Nor is a Slack token pasted into a question.
 */
export function questionText(raw: string): string {
  return redactTokens(raw)
    .replace(/<@[A-Z0-9]+(\|[^>]*)?>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The reply to post, or null when a flooding user was already told to slow down (nothing to post). */
export async function answerQuestion(
  deps: ListenerDeps,
  logger: Logger,
  q: Question,
): Promise<SlackMessage | null> {
  const now = deps.now();
  const wait = deps.limiter.check(q.userId, now.getTime());
  if (wait > 0) {
    if (q.noticeOnce && !deps.limiter.noticeDue(q.userId, now.getTime())) return null;
    return slowDownMessage(deps.rateLimitPerMinute, wait);
  }

  const text = questionText(q.text);
  const topicId = q.threadKey ? deps.threads.get(q.threadKey) : undefined;
  const answer = deps.engine.ask(text, topicId ? { topicId } : undefined);
  const answeredTopic = answer.kind === 'unsure' ? null : answer.topic.id;
  if (q.threadKey && answeredTopic) deps.threads.set(q.threadKey, answeredTopic);

  let questionId: string | undefined;
  if (!(answer.kind === 'unsure' && answer.reason === 'empty')) {
    try {
      questionId = await deps.store.logQuestion({
        text,
        answered: answer.kind !== 'unsure',
        topicId: answeredTopic,
        at: now,
      });
    } catch (error) {
      // The answer matters more than the log: reply without feedback buttons.
      logger.warn(`could not log the question: ${(error as Error).message}`);
    }
  }
  return answerMessage({ answer, question: text, questionId, shareable: q.shareable });
}
