// The Slack side of the quiz use case: chat.postMessage / chat.update / admin DMs, errors turned into outcomes.
import type { Logger, webApi } from '@slack/bolt';
import type { KnowledgeBase } from '../core/types.ts';
import type { PublishProblem, PublishResult, QuizPublisher } from '../quiz/post-daily-quiz.ts';
import { quizQuestionMessage, quizRevealMessage, quizView } from './blocks/quiz.ts';
import { channelGoneMessage, notInChannelMessage } from './blocks/quiz-scores.ts';

/** Slack error codes a retry cannot fix; each needs a person (invite the bot, pick another channel). */
const PROBLEMS: Record<string, PublishProblem> = {
  not_in_channel: 'not-in-channel',
  channel_not_found: 'channel-not-found',
  is_archived: 'channel-not-found',
};

function toResult(error: unknown): PublishResult {
  const code = (error as { data?: { error?: string } }).data?.error;
  const problem = code ? PROBLEMS[code] : undefined;
  return { ok: false, problem: problem ?? 'failed', detail: code ?? (error as Error).message };
}

export interface PublisherDeps {
  client: webApi.WebClient;
  kb: KnowledgeBase;
  /** Who is told by DM when the quiz cannot post: QUIZ_ADMINS and whoever last set the quiz up. */
  admins: () => readonly string[];
  logger: Logger;
}

export function createQuizPublisher({ client, kb, admins, logger }: PublisherDeps): QuizPublisher {
  return {
    async publishQuiz(channel, quiz) {
      try {
        const res = await client.chat.postMessage({ channel, ...quizQuestionMessage(quizView(kb, quiz)) });
        return res.ts
          ? { ok: true, ts: res.ts }
          : { ok: false, problem: 'failed', detail: 'no ts in the reply' };
      } catch (error) {
        return toResult(error);
      }
    },
    async revealQuiz(quiz) {
      if (!quiz.channel || !quiz.ts) return { ok: false, problem: 'failed', detail: 'never posted' };
      try {
        await client.chat.update({
          channel: quiz.channel,
          ts: quiz.ts,
          ...quizRevealMessage(quizView(kb, quiz), quiz.counts),
        });
        return { ok: true, ts: quiz.ts };
      } catch (error) {
        return toResult(error);
      }
    },
    async warnAdmins(problem, channel) {
      const msg =
        problem === 'not-in-channel'
          ? notInChannelMessage(channel)
          : channelGoneMessage(`The quiz channel <#${channel}>`);
      logger.warn(`quiz: ${msg.text}`);
      // A DM to a user ID lands in the bot's Messages tab with chat:write alone.
      for (const admin of admins()) {
        await client.chat.postMessage({ channel: admin, ...msg }).catch((error: Error) => {
          logger.warn(`could not DM quiz admin ${admin}: ${error.message}`);
        });
      }
    },
  };
}
