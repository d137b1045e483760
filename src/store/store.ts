// The storage port: everything srm-bot persists goes through this one interface (memory, SQLite, PostgreSQL).
import type { QuizQuestion } from '../core/quiz-picker.ts';
import type { Owner } from '../core/types.ts';

export type Vote = 'up' | 'down';
export type DownvoteReason = 'wrong-owner' | 'bad-source' | 'not-what-i-asked';

/** A question someone asked, kept (without who asked) so the knowledge base grows where users need it. */
export interface QuestionLog {
  text: string;
  answered: boolean;
  topicId: string | null;
  at: Date;
}

export interface Feedback {
  questionId: string;
  userId: string;
  vote: Vote;
  reason?: DownvoteReason;
  at: Date;
}

export interface ReportRow {
  text: string;
  count: number;
  /** Only for downvoted questions: how often each reason was given. */
  reasons?: Partial<Record<DownvoteReason, number>>;
}

export interface UsageReport {
  unanswered: ReportRow[];
  downvoted: ReportRow[];
}

/** Quiz settings changed at run time by admins; `null` from the store means "use the environment defaults". */
export interface QuizSettings {
  /** Channel ID, or null when no channel was chosen. */
  channel: string | null;
  cron: string;
  /** IANA time zone, e.g. `Europe/Berlin`. */
  tz: string;
  enabled: boolean;
}

/** A posted (or claimed) daily quiz question, or a private practice question. */
export interface Quiz extends QuizQuestion {
  id: string;
  /** Channel of a daily quiz; null for practice. */
  channel: string | null;
  /** Local date (YYYY-MM-DD, in the quiz time zone) of a daily quiz; null for practice. */
  localDate: string | null;
  /** The user a practice question was drawn for; null for a daily quiz. */
  userId: string | null;
  practice: boolean;
  /** Slack message ts once posted. */
  ts: string | null;
  createdAt: Date;
  revealedAt: Date | null;
}

/** How many picked each option. */
export type AnswerCounts = Record<Owner, number>;

export interface QuizWithCounts extends Quiz {
  counts: AnswerCounts;
}

export interface AnswerInput {
  quizId: string;
  userId: string;
  choice: Owner;
  at: Date;
}

/** First answer wins: a later click (or a double click) gets `already` with the choice that counted. */
export type AnswerResult =
  | { status: 'accepted'; correct: boolean; counts: AnswerCounts }
  | { status: 'already'; choice: Owner; correct: boolean; counts: AnswerCounts }
  | { status: 'unknown-quiz' };

/** One recorded answer, flattened with its quiz so scoring needs no second query. */
export interface AnswerRow {
  quizId: string;
  userId: string;
  choice: Owner;
  correct: boolean;
  at: Date;
  practice: boolean;
  channel: string | null;
  localDate: string | null;
  topicId: string;
  serviceId: string | null;
}

/** Filter for listAnswers: with `channel`, that channel's daily answers only (practice has no channel). */
export interface AnswerFilter {
  channel?: string;
  userId?: string;
}

/** Thrown (as a rejection) while the database cannot be reached; the caller may say "try again in a minute". */
export class StoreUnavailableError extends Error {
  override readonly name = 'StoreUnavailableError';
  constructor(
    message = 'The database is unavailable; try again in a minute.',
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** Slack retries a delivery for minutes, not days: a day of event claims is plenty. */
export const DEFAULT_EVENT_KEEP_MS = 24 * 60 * 60 * 1000;

/** A claim not posted within this time is taken to be from a crashed process and may be claimed again. */
export const DEFAULT_CLAIM_LEASE_MS = 5 * 60 * 1000;

export interface Store {
  /**
   * Claim a Slack event id; true only for the first claim, so a retried delivery is not answered twice.
   * Claims older than `keepFor` milliseconds may be pruned.
   */
  claimEvent(eventId: string, now: Date, keepFor?: number): Promise<boolean>;
  /** Log a question; returns its id for feedback buttons. */
  logQuestion(question: QuestionLog): Promise<string>;
  /** One vote per user per question: a later vote replaces the earlier one. */
  recordFeedback(feedback: Feedback): Promise<void>;
  /** Unanswered and downvoted questions with counts, most frequent first. */
  report(): Promise<UsageReport>;

  getQuizSettings(): Promise<QuizSettings | null>;
  saveQuizSettings(settings: QuizSettings): Promise<void>;
  /**
   * Claim the daily quiz for (channel, localDate) before posting: the quiz, or null if already claimed
   * (by this or another replica). An unposted claim older than `leaseMs` is taken over (its owner crashed).
   */
  claimPost(
    channel: string,
    localDate: string,
    question: QuizQuestion,
    now: Date,
    leaseMs?: number,
  ): Promise<Quiz | null>;
  /** Drop an unposted claim after a failed post, so a retry or another replica can post. */
  releasePost(quizId: string): Promise<void>;
  /** A private practice question for one user; answers to it never reach the leaderboard. */
  createPractice(userId: string, question: QuizQuestion, now: Date): Promise<Quiz>;
  /** Record the Slack message ts after posting, or the reveal time. */
  updateQuiz(quizId: string, patch: { ts?: string; revealedAt?: Date }): Promise<void>;
  getQuiz(quizId: string): Promise<QuizWithCounts | null>;
  /** Daily quizzes of a channel, oldest first: rotation history, quiz days for streaks, the latest to reveal. */
  listQuizzes(channel: string): Promise<Quiz[]>;
  recordAnswer(answer: AnswerInput): Promise<AnswerResult>;
  /** Answers, oldest first, for stats, leaderboard and practice picking. */
  listAnswers(filter: AnswerFilter): Promise<AnswerRow[]>;
  close(): Promise<void>;
}
