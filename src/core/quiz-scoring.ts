// Quiz scores: grading, points, streaks over quiz days, accuracy, and the leaderboard for a time window.
import { localDate, monthStart, weekStart } from './quiz-dates.ts';
import type { Owner } from './types.ts';

/** One daily-quiz answer as scoring needs it (the store's AnswerRow fits). */
export interface ScoredAnswer {
  userId: string;
  /** Local date of the quiz answered (YYYY-MM-DD, quiz time zone). */
  localDate: string | null;
  correct: boolean;
  at: Date;
  practice?: boolean;
}

export interface Grade {
  correct: boolean;
  owner: Owner;
  choice: Owner;
}

export function grade(quiz: { owner: Owner }, choice: Owner): Grade {
  return { correct: choice === quiz.owner, owner: quiz.owner, choice };
}

export interface Streak {
  current: number;
  best: number;
}

/**
 * Streak = consecutive quiz days answered correctly. A quiz day without a correct answer breaks it; days with
 * no quiz (weekends) are not in `quizDays` and so cannot. The latest quiz day, still open, breaks nothing yet.
 */
export function streakOf(quizDays: readonly string[], answers: readonly ScoredAnswer[]): Streak {
  const correctDays = new Set(answers.filter((a) => a.correct && !a.practice).map((a) => a.localDate));
  const answeredDays = new Set(answers.filter((a) => !a.practice).map((a) => a.localDate));
  const days = [...new Set(quizDays)].sort();
  let current = 0;
  let best = 0;
  days.forEach((day, i) => {
    if (correctDays.has(day)) current += 1;
    else if (i < days.length - 1 || answeredDays.has(day)) current = 0;
    best = Math.max(best, current);
  });
  return { current, best };
}

export interface UserStats extends Streak {
  points: number;
  answered: number;
  /** Share answered correctly, 0..1; 0 when nothing was answered. */
  accuracy: number;
}

/** One user's stats from their daily-quiz answers (practice answers are ignored). */
export function statsOf(quizDays: readonly string[], answers: readonly ScoredAnswer[]): UserStats {
  const daily = answers.filter((a) => !a.practice);
  const points = daily.filter((a) => a.correct).length;
  return {
    points,
    answered: daily.length,
    accuracy: daily.length ? points / daily.length : 0,
    ...streakOf(quizDays, daily),
  };
}

export type LeaderboardWindow = 'week' | 'month' | 'all';

export interface LeaderboardRow {
  userId: string;
  points: number;
  streak: number;
  answered: number;
  /** When the user reached their points in the window (last correct answer), for the tie-break. */
  reachedAt: Date | null;
}

export interface LeaderboardOptions {
  now: Date;
  timeZone: string;
  window: LeaderboardWindow;
  limit?: number;
}

/** First local date inside the window, or null for all time. */
export function windowStart(window: LeaderboardWindow, now: Date, timeZone: string): string | null {
  const today = localDate(now, timeZone);
  return window === 'week' ? weekStart(today) : window === 'month' ? monthStart(today) : null;
}

/** Leaderboard: points (in the window) desc, then current streak desc, then who got there first. */
export function leaderboard(
  quizDays: readonly string[],
  answers: readonly ScoredAnswer[],
  options: LeaderboardOptions,
): LeaderboardRow[] {
  const from = windowStart(options.window, options.now, options.timeZone);
  const byUser = new Map<string, ScoredAnswer[]>();
  for (const a of answers) {
    if (a.practice || !a.localDate) continue;
    byUser.set(a.userId, [...(byUser.get(a.userId) ?? []), a]);
  }
  const rows: LeaderboardRow[] = [];
  for (const [userId, all] of byUser) {
    const inWindow = all.filter((a) => from === null || (a.localDate as string) >= from);
    if (!inWindow.length) continue;
    const correct = inWindow.filter((a) => a.correct).sort((x, y) => x.at.getTime() - y.at.getTime());
    rows.push({
      userId,
      points: correct.length,
      streak: streakOf(quizDays, all).current,
      answered: inWindow.length,
      reachedAt: correct.at(-1)?.at ?? null,
    });
  }
  const time = (d: Date | null) => d?.getTime() ?? Number.POSITIVE_INFINITY;
  rows.sort(
    (a, b) =>
      b.points - a.points ||
      b.streak - a.streak ||
      time(a.reachedAt) - time(b.reachedAt) ||
      a.userId.localeCompare(b.userId),
  );
  return rows.slice(0, options.limit ?? 10);
}
