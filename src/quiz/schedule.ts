// The quiz clock: a croner job at the cron in the quiz time zone, a periodic check that catches up after
// downtime and follows settings changed on other replicas, and an optional reveal job.
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

/** How often each replica re-reads the settings and retries what today still needs. */
const CHECK_CRON = '*/5 * * * *';

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
  /** What runs every few minutes: pick up settings changed elsewhere, post or reveal what today still needs. */
  check(): Promise<void>;
  /** Re-arm for new settings (after `/srm quiz here|off|schedule`). */
  apply(settings: QuizSettings): void;
  /** When the next question goes out, or null while off. */
  nextRun(): Date | null;
  /** `/srm quiz now`: post at once in the channel of `settings`, as the command loaded them (once a day still holds). */
  postNow(settings: QuizSettings): Promise<PostOutcome>;
  /** Disarm the jobs and wait for a post in progress. */
  stop(): Promise<void>;
}

export function createQuizScheduler(deps: ScheduleDeps): QuizScheduler {
  let settings: QuizSettings | null = null;
  let postJob: Cron | null = null;
  let revealJob: Cron | null = null;
  let checkJob: Cron | null = null;
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
    const quizzes = await deps.store.listQuizzes(current.channel);
    await revealDue(deps, current.channel, quizzes, localDate(deps.now(), current.tz), true);
  };

  const disarm = () => {
    postJob?.stop();
    revealJob?.stop();
    postJob = null;
    revealJob = null;
  };

  const changed = (a: QuizSettings, b: QuizSettings) =>
    (['channel', 'cron', 'tz', 'enabled'] as const).some((key) => a[key] !== b[key]);

  // Channels whose post today needs a person (bot not invited, channel gone): the admins were told once;
  // the periodic check must not tell them again every few minutes. Cleared by a settings change.
  const needsPerson = new Map<string, string>();
  const postedHere = new Map<string, string>();

  /**
   * Bring this replica up to date, then do whatever today still needs. Run at start, at the quiz time and
   * every few minutes: settings changed on another replica are picked up, and a post or reveal missed
   * while the bot, Slack or the database was down happens once they are back — the day's claim in the
   * database keeps that to one post however many replicas and checks try.
   */
  const sync = async (firedBy?: QuizSettings): Promise<void> => {
    const current = await loadSettings(deps.store, deps.defaults);
    if (!settings || changed(current, settings)) {
      if (settings)
        deps.logger.info('quiz settings changed (here or on another replica); re-armed with them');
      apply(current);
    }
    if (!current.channel) return;
    const now = deps.now();
    const today = localDate(now, current.tz);
    // Settled for today: the admins were told what to fix, or this replica posted (even if the ts was lost).
    const settled = needsPerson.get(current.channel) === today || postedHere.get(current.channel) === today;
    const quizzes = await deps.store.listQuizzes(current.channel);
    const todays = quizzes.find((q) => q.localDate === today);
    // A tick of a schedule that still holds is due by definition; otherwise, due if today's time has passed.
    const onSchedule = firedBy?.cron === current.cron && firedBy.tz === current.tz && current.enabled;
    if (!settled && todays?.ts == null && (onSchedule || catchUpDue(current, now, false))) {
      if (!firedBy)
        deps.logger.info(`catching up on today's quiz (${today}): its time has passed and it is not out yet`);
      const outcome = await post({ settings: current });
      if (outcome?.status === 'not-in-channel' || outcome?.status === 'channel-not-found')
        needsPerson.set(current.channel, today);
      // Remembered here too: if the database missed the post's ts, this replica must still not post the day again.
      if (outcome?.status === 'posted') postedHere.set(current.channel, today);
    }
    if (
      deps.revealCron &&
      todays?.ts &&
      !todays.revealedAt &&
      lastRunToday(deps.revealCron, current.tz, now)
    ) {
      // Today's question was already out, so nothing was posted above and `quizzes` is still current.
      await track(revealDue(deps, current.channel, quizzes, today, true), 'reveal');
    }
  };

  const apply = (next: QuizSettings) => {
    disarm();
    needsPerson.clear();
    settings = next;
    if (!next.enabled || !next.channel) return;
    // protect: a slow post (retries with backoff) must not overlap the next tick.
    postJob = new Cron(next.cron, { timezone: next.tz, protect: true }, () => void track(sync(next), 'post'));
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
      await sync();
      checkJob = new Cron(CHECK_CRON, { protect: true }, () => void track(sync(), 'check'));
    },
    check: async () => void (await track(sync(), 'check')),
    apply,
    nextRun() {
      if (!settings?.enabled || !settings.channel) return null;
      return nextRunAfter(settings.cron, settings.tz, deps.now());
    },
    postNow(current) {
      const work = postDailyQuiz(deps, { settings: current, force: true });
      void track(work, 'post'); // so stop() waits for it; the caller still sees the outcome or the error
      return work;
    },
    async stop() {
      disarm();
      checkJob?.stop();
      checkJob = null;
      await Promise.all(running);
    },
  };
}
