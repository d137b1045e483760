// Use case: reveal yesterday's question, then pick → claim (channel, day) → publish → save ts; never posts twice.
import { localDate } from '../core/quiz-dates.ts';
import { pickQuiz, type Random } from '../core/quiz-picker.ts';
import type { KnowledgeBase } from '../core/types.ts';
import type { Quiz, QuizSettings, QuizWithCounts, Store } from '../store/store.ts';
import { loadSettings, type QuizDefaults } from './settings.ts';

/** Problems only a person can fix, so retrying is pointless. */
export type PublishProblem = 'not-in-channel' | 'channel-not-found';

export type PublishResult =
  | { ok: true; ts: string }
  | { ok: false; problem: PublishProblem | 'failed'; detail: string };

/** The Slack side, built in slack/ and handed over in main.ts, so quiz/ never imports Slack code. */
export interface QuizPublisher {
  /** chat.postMessage of the question with its answer buttons. */
  publishQuiz(channel: string, quiz: Quiz): Promise<PublishResult>;
  /** chat.update of a posted question into its reveal. */
  revealQuiz(quiz: QuizWithCounts): Promise<PublishResult>;
  /** Tell the quiz admins about a problem only they can fix (the bot is not in the channel, …). */
  warnAdmins(problem: PublishProblem, channel: string): Promise<void>;
}

/** Bolt's Logger fits; quiz/ only needs these three. */
export interface QuizLogger {
  info(...msg: unknown[]): void;
  warn(...msg: unknown[]): void;
  error(...msg: unknown[]): void;
}

export interface QuizDeps {
  store: Store;
  kb: KnowledgeBase;
  publisher: QuizPublisher;
  defaults: QuizDefaults;
  now: () => Date;
  logger: QuizLogger;
  random?: Random;
  /** Waits between retries; tests pass a fake that records the delays instead of sleeping. */
  sleep?: (ms: number) => Promise<void>;
  /** Post attempts in all (default 4: at once, then after 2 s, 4 s, 8 s). */
  attempts?: number;
  retryBaseMs?: number;
}

export type PostOutcome =
  | { status: 'posted'; quiz: Quiz; revealed: Quiz[] }
  | { status: 'already-posted'; quiz: Quiz | null }
  | { status: 'no-channel' }
  | { status: 'disabled' }
  | { status: 'no-question' }
  | { status: PublishProblem; channel: string }
  | { status: 'failed'; detail: string; attempts: number };

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** At most this many old questions are revealed in one go (a long outage should not flood the channel). */
const MAX_REVEALS = 3;

/**
 * Reveal the posted, unrevealed ones among `quizzes` (the daily questions of `channel`) dated before `date`
 * (or on it, with `inclusive`, as QUIZ_REVEAL does for today's). Failures are logged: a missed reveal must not
 * block a post.
 */
export async function revealDue(
  deps: QuizDeps,
  channel: string,
  quizzes: readonly Quiz[],
  date: string,
  inclusive = false,
): Promise<Quiz[]> {
  const due = quizzes.filter(
    (q) =>
      q.ts !== null &&
      q.revealedAt === null &&
      q.localDate !== null &&
      (inclusive ? q.localDate <= date : q.localDate < date),
  );
  const revealed: Quiz[] = [];
  for (const quiz of due.slice(-MAX_REVEALS)) {
    const full = await deps.store.getQuiz(quiz.id);
    if (!full) continue;
    const result = await deps.publisher.revealQuiz(full);
    if (!result.ok) {
      deps.logger.warn(
        `could not reveal quiz ${quiz.id} (${quiz.localDate}) in ${channel}: ${result.detail}`,
      );
      continue;
    }
    await deps.store.updateQuiz(quiz.id, { revealedAt: deps.now() });
    revealed.push(quiz);
  }
  return revealed;
}

/**
 * The question is out; its ts must reach the database, or the day's claim would lapse without a ts and another
 * replica could post the day again. A database blip gets a few retries; after that the post still counts as
 * posted (it is in the channel), and the error is logged for the operator.
 */
async function saveTs(deps: QuizDeps, quizId: string, ts: string, sleep: (ms: number) => Promise<void>) {
  for (let attempt = 1; attempt <= 5; attempt++) {
    try {
      return await deps.store.updateQuiz(quizId, { ts });
    } catch (error) {
      deps.logger.warn(`quiz ${quizId} is posted but its ts is not saved (${(error as Error).message})`);
      if (attempt < 5) await sleep((deps.retryBaseMs ?? 2_000) * attempt);
    }
  }
  deps.logger.error(
    `quiz ${quizId} is posted (ts ${ts}) but the database did not take its ts; no reveal for it`,
  );
}

export interface PostOptions {
  /** `/srm quiz now`: post even while the schedule is off (a channel must still be set). */
  force?: boolean;
  settings?: QuizSettings;
}

/** Post today's question in the quiz channel, once per local day however often it is called. */
export async function postDailyQuiz(deps: QuizDeps, options: PostOptions = {}): Promise<PostOutcome> {
  const settings = options.settings ?? (await loadSettings(deps.store, deps.defaults));
  const { channel } = settings;
  if (!channel) return { status: 'no-channel' };
  if (!settings.enabled && !options.force) return { status: 'disabled' };

  const today = localDate(deps.now(), settings.tz);
  const history = await deps.store.listQuizzes(channel);
  const posted = history.find((q) => q.localDate === today && q.ts !== null);
  if (posted) return { status: 'already-posted', quiz: posted };

  const revealed = await revealDue(deps, channel, history, today);
  const question = pickQuiz(deps.kb, history, { random: deps.random ?? Math.random });
  if (!question) return { status: 'no-question' };

  const attempts = deps.attempts ?? 4;
  const sleep = deps.sleep ?? defaultSleep;
  let detail = '';
  for (let attempt = 1; attempt <= attempts; attempt++) {
    // The unique (channel, day) claim is what stops a second post: another replica, a restart, a double trigger.
    const quiz = await deps.store.claimPost(channel, today, question, deps.now());
    if (!quiz) return { status: 'already-posted', quiz: null };
    const result = await deps.publisher.publishQuiz(channel, quiz);
    if (result.ok) {
      await saveTs(deps, quiz.id, result.ts, sleep);
      deps.logger.info(`posted quiz ${quiz.id} (${quiz.topicId}) in ${channel} for ${today}`);
      return { status: 'posted', quiz: { ...quiz, ts: result.ts }, revealed };
    }
    // Released so that the retry (or another replica) can claim the day again.
    await deps.store.releasePost(quiz.id);
    if (result.problem !== 'failed') {
      deps.logger.warn(`quiz not posted in ${channel}: ${result.detail}`);
      await deps.publisher.warnAdmins(result.problem, channel).catch((error: Error) => {
        deps.logger.warn(`could not warn the quiz admins: ${error.message}`);
      });
      return { status: result.problem, channel };
    }
    detail = result.detail;
    deps.logger.warn(`quiz post attempt ${attempt}/${attempts} in ${channel} failed: ${detail}`);
    if (attempt < attempts) await sleep((deps.retryBaseMs ?? 2_000) * 2 ** (attempt - 1));
  }
  return { status: 'failed', detail, attempts };
}
