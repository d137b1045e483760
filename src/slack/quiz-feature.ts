// The daily quiz plugged into the Slack app: scheduler with its Slack publisher, /srm subcommands, App Home sections.
import type { Logger, webApi } from '@slack/bolt';
import type { Config } from '../config.ts';
import type { Random } from '../core/quiz-picker.ts';
import type { KnowledgeBase } from '../core/types.ts';
import { createQuizScheduler, type QuizScheduler } from '../quiz/schedule.ts';
import { homeScores } from '../quiz/scores.ts';
import { loadSettings } from '../quiz/settings.ts';
import type { Store } from '../store/store.ts';
import { type Block, divider } from './blocks/mrkdwn.ts';
import { leaderboardBlocks, statsBlocks } from './blocks/quiz-scores.ts';
import { quizSubcommands } from './listeners/quiz-command.ts';
import type { Subcommand } from './listeners/srm-command.ts';
import { createQuizPublisher } from './quiz-publisher.ts';

export interface QuizFeatureDeps {
  quiz: Config['quiz'];
  kb: KnowledgeBase;
  store: Store;
  now: () => Date;
  client: webApi.WebClient;
  logger: Logger;
  random?: Random;
  /** Post retries; tests shorten the backoff. */
  retry?: { attempts: number; baseMs: number };
}

export interface QuizFeature {
  scheduler: QuizScheduler;
  subcommands: Record<string, Subcommand>;
  homeSections(userId: string): Promise<Block[]>;
}

export function createQuizFeature(deps: QuizFeatureDeps): QuizFeature {
  const defaults = { channel: deps.quiz.channel, cron: deps.quiz.cron, tz: deps.quiz.tz };
  // Whoever set the quiz up last hears about posting problems too (kept in memory: QUIZ_ADMINS is the durable list).
  const notify = new Set(deps.quiz.admins);
  const publisher = createQuizPublisher({
    client: deps.client,
    kb: deps.kb,
    admins: () => [...notify],
    logger: deps.logger,
  });
  const scheduler = createQuizScheduler({
    store: deps.store,
    kb: deps.kb,
    publisher,
    defaults,
    now: deps.now,
    logger: deps.logger,
    random: deps.random,
    revealCron: deps.quiz.reveal,
    attempts: deps.retry?.attempts,
    retryBaseMs: deps.retry?.baseMs,
  });
  const subcommands = quizSubcommands({
    store: deps.store,
    kb: deps.kb,
    now: deps.now,
    defaults,
    admins: deps.quiz.admins,
    scheduler,
    random: deps.random,
    onAdmin: (userId) => notify.add(userId),
  });
  return {
    scheduler,
    subcommands,
    async homeSections(userId) {
      const settings = await loadSettings(deps.store, defaults);
      const { stats, boards } = await homeScores(deps.store, settings, userId, deps.now());
      return [...statsBlocks(stats), divider(), ...leaderboardBlocks(boards, settings.channel)];
    },
  };
}
