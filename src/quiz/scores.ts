// Scores for a quiz channel from the store: quiz days, leaderboards for each window, one person's stats.
import {
  type LeaderboardRow,
  type LeaderboardWindow,
  leaderboard,
  type ScoredAnswer,
  statsOf,
  type UserStats,
} from '../core/quiz-scoring.ts';
import type { QuizSettings, Store } from '../store/store.ts';

export type Leaderboards = Record<LeaderboardWindow, LeaderboardRow[]>;

/** Days a question actually went out (a claim whose post failed is no quiz day and breaks no streak). */
async function quizDays(store: Store, channel: string): Promise<string[]> {
  return (await store.listQuizzes(channel))
    .filter((q) => q.ts !== null && q.localDate !== null)
    .map((q) => q.localDate as string);
}

/** Top 10 this week, this month and all time, in the quiz time zone. */
function leaderboards(days: string[], answers: ScoredAnswer[], tz: string, now: Date): Leaderboards {
  const board = (window: LeaderboardWindow) =>
    leaderboard(days, answers, { now, timeZone: tz, window, limit: 10 });
  return { week: board('week'), month: board('month'), all: board('all') };
}

/** The channel's leaderboards (`/srm leaderboard`). */
export async function channelLeaderboards(
  store: Store,
  settings: Pick<QuizSettings, 'channel' | 'tz'>,
  now: Date,
): Promise<Leaderboards | null> {
  if (!settings.channel) return null;
  const [days, answers] = await Promise.all([
    quizDays(store, settings.channel),
    store.listAnswers({ channel: settings.channel }),
  ]);
  return leaderboards(days, answers, settings.tz, now);
}

/** The App Home's stats and leaderboards from one read of the channel's quizzes and answers. */
export async function homeScores(
  store: Store,
  settings: Pick<QuizSettings, 'channel' | 'tz'>,
  userId: string,
  now: Date,
): Promise<{ stats: UserStats | null; boards: Leaderboards | null }> {
  if (!settings.channel) return { stats: null, boards: null };
  const [days, answers] = await Promise.all([
    quizDays(store, settings.channel),
    store.listAnswers({ channel: settings.channel }),
  ]);
  const mine = answers.filter((a) => a.userId === userId);
  return { stats: statsOf(days, mine), boards: leaderboards(days, answers, settings.tz, now) };
}

/** One person's points, streak, best streak and accuracy in the quiz channel (practice never counts). */
export async function userStats(
  store: Store,
  settings: Pick<QuizSettings, 'channel'>,
  userId: string,
): Promise<UserStats | null> {
  if (!settings.channel) return null;
  const [days, answers] = await Promise.all([
    quizDays(store, settings.channel),
    store.listAnswers({ channel: settings.channel, userId }),
  ]);
  return statsOf(days, answers);
}
