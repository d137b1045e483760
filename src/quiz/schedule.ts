// The quiz clock: a croner job at the cron in the quiz time zone, catch-up after downtime, optional reveal job.
import { Cron } from 'croner';
import { localDate } from '../core/quiz-dates.ts';
import type { QuizSettings } from '../store/store.ts';
import {
  type PostOptions,
  type PostOutcome,
  postDailyQuiz,
  type QuizDeps,
  revealDue,
} from './post-daily-quiz.ts';
import { loadSettings } from './settings.ts';

const pattern = (cron: string, tz: string) => new Cron(cron, { timezone: tz, paused: true });

/** The next scheduled time after `now`, or null (a schedule that never fires again). */
export function nextRunAfter(cron: string, tz: string, now: Date): Date | null {
  return pattern(cron, tz).nextRun(now);
}

/** The latest scheduled time at or before `now` on the same local day in `tz`, or null if none today yet. */
export function lastRunToday(cron: string, tz: string, now: Date): Date | null {
  // previousRuns excludes the reference second itself; a run at exactly `now` counts as today's.
  const previous = pattern(cron, tz).previousRuns(1, new Date(now.getTime() + 1_000))[0];
  if (!previous || previous.getTime() > now.getTime()) return null;
  return localDate(previous, tz) === localDate(now, tz) ? previous : null;
}

/**
 * Catch-up after downtime: today's run time has passed and nothing was posted today. A run missed on an
 * earlier day is not made up — a question posted at midnight for yesterday helps nobody.
 */
export function catchUpDue(settings: QuizSettings, now: Date, postedToday: boolean): boolean {
  if (!settings.enabled || !settings.channel || postedToday) return false;
  return lastRunToday(settings.cron, settings.tz, now) !== null;
}

export interface ScheduleDeps extends QuizDeps {
  /** QUIZ_REVEAL: reveal today's question at this cron (quiz time zone) instead of with the next question. */
  revealCron?: string;
}

export interface QuizScheduler {
  /** Load settings, arm the jobs, and catch up on a run missed today while the bot was down. */
  start(): Promise<void>;
  /** Re-arm for new settings (after `/srm quiz here|off|schedule`). */
  apply(settings: QuizSettings): void;
  /** When the next question goes out, or null while off. */
  nextRun(): Date | null;
  /** `/srm quiz now`: post in the configured channel at once (once per day still holds). */
  postNow(): Promise<PostOutcome>;
  /** Disarm the jobs and wait for a post in progress. */
  stop(): Promise<void>;
}

export function createQuizScheduler(deps: ScheduleDeps): QuizScheduler {
  let settings: QuizSettings | null = null;
  let postJob: Cron | null = null;
  let revealJob: Cron | null = null;
  const running = new Set<Promise<unknown>>();

  // Tracked so stop() can wait; errors are logged here because a cron callback has nobody to throw to.
  const track = <T>(work: Promise<T>, what: string): Promise<T | undefined> => {
    const done = work.catch((error: Error) => {
      deps.logger.error(`quiz ${what} failed: ${error.message}`);
      return undefined;
    });
    running.add(done);
    void done.finally(() => running.delete(done));
    return done;
  };

  const post = (options: PostOptions = {}) =>
    track(
      postDailyQuiz(deps, options).then((outcome) => {
        if (outcome.status === 'failed')
          deps.logger.error(`quiz not posted after ${outcome.attempts} attempts`);
        return outcome;
      }),
      'post',
    );

  const reveal = async (current: QuizSettings) => {
    if (!current.channel) return;
    await revealDue(deps, current.channel, localDate(deps.now(), current.tz), true);
  };

  const disarm = () => {
    postJob?.stop();
    revealJob?.stop();
    postJob = null;
    revealJob = null;
  };

  const apply = (next: QuizSettings) => {
    disarm();
    settings = next;
    if (!next.enabled || !next.channel) return;
    // protect: a slow post (retries with backoff) must not overlap the next tick.
    postJob = new Cron(next.cron, { timezone: next.tz, protect: true }, () => void post({ settings: next }));
    if (deps.revealCron) {
      revealJob = new Cron(
        deps.revealCron,
        { timezone: next.tz, protect: true },
        () => void track(reveal(next), 'reveal'),
      );
    }
  };

  return {
    async start() {
      const current = await loadSettings(deps.store, deps.defaults);
      apply(current);
      if (!current.channel) return;
      const now = deps.now();
      const today = localDate(now, current.tz);
      const todays = (await deps.store.listQuizzes(current.channel)).find((q) => q.localDate === today);
      if (catchUpDue(current, now, todays?.ts != null)) {
        deps.logger.info(`catching up on today's quiz (${today}) missed while the bot was down`);
        await post({ settings: current });
      }
      if (
        deps.revealCron &&
        todays?.ts &&
        !todays.revealedAt &&
        lastRunToday(deps.revealCron, current.tz, now)
      ) {
        await track(reveal(current), 'reveal');
      }
    },
    apply,
    nextRun() {
      if (!settings?.enabled || !settings.channel) return null;
      return nextRunAfter(settings.cron, settings.tz, deps.now());
    },
    async postNow() {
      const current = await loadSettings(deps.store, deps.defaults);
      const work = postDailyQuiz(deps, { settings: current, force: true });
      void track(work, 'post'); // so stop() waits for it; the caller still sees the outcome or the error
      return work;
    },
    async stop() {
      disarm();
      await Promise.all(running);
    },
  };
}
