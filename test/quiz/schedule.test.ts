// Schedule decisions with a fake clock: next run and today's run per time zone (DST too), catch-up after downtime.
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../src/core/quiz-picker.ts';
import {
  catchUpDue,
  createQuizScheduler,
  lastRunToday,
  nextRunAfter,
  type ScheduleDeps,
} from '../../src/quiz/schedule.ts';
import { createMemoryStore } from '../../src/store/memory.ts';
import type { QuizSettings } from '../../src/store/store.ts';
import { miniKb } from '../fixtures/kb-mini/kb.ts';
import { createFakePublisher, silentLogger } from './fake-publisher.ts';

const at = (iso: string) => new Date(iso);
const WEEKDAYS_9 = '0 9 * * 1-5';

describe('nextRunAfter', () => {
  it.each([
    // Monday 2026-03-02 08:00 UTC → 09:00 the same day
    ['UTC', '2026-03-02T08:00:00Z', '2026-03-02T09:00:00.000Z'],
    // Friday after 09:00 → Monday (weekend skipped)
    ['UTC', '2026-03-06T09:00:01Z', '2026-03-09T09:00:00.000Z'],
    // Berlin is UTC+1 in winter …
    ['Europe/Berlin', '2026-03-27T00:00:00Z', '2026-03-27T08:00:00.000Z'],
    // … and UTC+2 after the spring-forward on Sunday 2026-03-29
    ['Europe/Berlin', '2026-03-28T00:00:00Z', '2026-03-30T07:00:00.000Z'],
    // New York springs forward 2026-03-08: 09:00 EDT is 13:00 UTC
    ['America/New_York', '2026-03-08T12:00:00Z', '2026-03-09T13:00:00.000Z'],
  ])('%s from %s → %s', (tz, now, expected) => {
    expect(nextRunAfter(WEEKDAYS_9, tz, at(now))?.toISOString()).toBe(expected);
  });
});

describe('lastRunToday', () => {
  it.each([
    ['UTC', '2026-03-02T08:59:59Z', null],
    ['UTC', '2026-03-02T09:00:00Z', '2026-03-02T09:00:00.000Z'],
    ['UTC', '2026-03-02T17:30:00Z', '2026-03-02T09:00:00.000Z'],
    // Saturday: the last run was Friday, not today
    ['UTC', '2026-03-07T12:00:00Z', null],
    // 23:30 UTC Monday is Tuesday 08:30 in Tokyo: Tuesday's 09:00 has not come yet
    ['Asia/Tokyo', '2026-03-02T23:30:00Z', null],
    ['Asia/Tokyo', '2026-03-03T00:30:00Z', '2026-03-03T00:00:00.000Z'],
    // Monday after the Berlin DST change: 09:00 CEST = 07:00 UTC
    ['Europe/Berlin', '2026-03-30T07:30:00Z', '2026-03-30T07:00:00.000Z'],
  ])('%s at %s → %s', (tz, now, expected) => {
    expect(lastRunToday(WEEKDAYS_9, tz, at(now))?.toISOString() ?? null).toBe(expected);
  });
});

describe('catchUpDue', () => {
  const on: QuizSettings = { channel: 'C1', cron: WEEKDAYS_9, tz: 'UTC', enabled: true };
  it.each([
    ['down at 09:00, back at 11:00, nothing posted', on, '2026-03-02T11:00:00Z', false, true],
    ['already posted today', on, '2026-03-02T11:00:00Z', true, false],
    ['back before 09:00', on, '2026-03-02T08:00:00Z', false, false],
    ['back on Saturday after missing Friday', on, '2026-03-07T11:00:00Z', false, false],
    ['quiz off', { ...on, enabled: false }, '2026-03-02T11:00:00Z', false, false],
    ['no channel', { ...on, channel: null }, '2026-03-02T11:00:00Z', false, false],
  ] as const)('%s', (_what, settings, now, posted, expected) => {
    expect(catchUpDue(settings, at(now), posted)).toBe(expected);
  });
});

describe('createQuizScheduler', () => {
  const make = (now: string, extra: Partial<ScheduleDeps> = {}) => {
    const store = createMemoryStore();
    const publisher = createFakePublisher();
    const clock = { now: at(now) };
    const scheduler = createQuizScheduler({
      store,
      kb: miniKb,
      publisher,
      defaults: { channel: 'CQUIZ', cron: WEEKDAYS_9, tz: 'UTC' },
      now: () => clock.now,
      logger: silentLogger,
      random: seededRandom(3),
      sleep: async () => {}, // retries happen at once here; their spacing is post-daily-quiz's concern
      ...extra,
    });
    return { store, publisher, clock, scheduler };
  };

  it('catches up at start when the bot was down at 09:00, and only once on a second restart', async () => {
    const { publisher, scheduler } = make('2026-03-02T10:15:00Z');
    await scheduler.start();
    expect(publisher.published).toHaveLength(1);
    await scheduler.stop();
    await scheduler.start(); // a restart the same day
    expect(publisher.published).toHaveLength(1);
    await scheduler.stop();
  });

  it('does not post at start before the scheduled time, and reports the next run', async () => {
    const { publisher, scheduler } = make('2026-03-02T07:00:00Z');
    await scheduler.start();
    expect(publisher.published).toHaveLength(0);
    expect(scheduler.nextRun()?.toISOString()).toBe('2026-03-02T09:00:00.000Z');
    await scheduler.stop();
  });

  it('re-arms for new settings at run time, and has no next run while off', async () => {
    const { scheduler } = make('2026-03-02T07:00:00Z');
    await scheduler.start();
    scheduler.apply({ channel: 'CQUIZ', cron: '30 16 * * *', tz: 'Europe/Berlin', enabled: true });
    expect(scheduler.nextRun()?.toISOString()).toBe('2026-03-02T15:30:00.000Z');
    scheduler.apply({ channel: 'CQUIZ', cron: '30 16 * * *', tz: 'Europe/Berlin', enabled: false });
    expect(scheduler.nextRun()).toBeNull();
    await scheduler.stop();
  });

  it('the periodic check posts once the outage that made the scheduled post fail is over', async () => {
    const { publisher, clock, scheduler } = make('2026-03-02T07:00:00Z');
    await scheduler.start();
    clock.now = at('2026-03-02T09:00:00Z');
    publisher.failNext(
      ...Array.from({ length: 4 }, () => ({
        ok: false as const,
        problem: 'failed' as const,
        detail: 'HTTP 500',
      })),
    );
    await scheduler.check(); // the 09:00 run: four attempts, all failed
    expect(publisher.published).toHaveLength(0);
    clock.now = at('2026-03-02T09:05:00Z');
    await scheduler.check();
    await scheduler.check();
    expect(publisher.published).toHaveLength(1);
    await scheduler.stop();
  });

  it('never posts a day twice from one replica, even when the database missed the ts of its post', async () => {
    const { store, publisher, clock, scheduler } = make('2026-03-02T07:00:00Z');
    await scheduler.start();
    store.updateQuiz = async () => {
      throw new Error('database gone');
    };
    clock.now = at('2026-03-02T09:00:00Z');
    await scheduler.check();
    clock.now = at('2026-03-02T09:30:00Z'); // the claim without a ts has lapsed by now
    await scheduler.check();
    expect(publisher.published).toHaveLength(1);
    await scheduler.stop();
  });

  it('the periodic check reveals a missed QUIZ_REVEAL run on the replica that posted the question', async () => {
    const { publisher, clock, scheduler } = make('2026-03-02T07:00:00Z', { revealCron: '0 17 * * *' });
    await scheduler.start();
    clock.now = at('2026-03-02T09:00:00Z');
    await scheduler.check();
    expect(publisher.published).toHaveLength(1);
    clock.now = at('2026-03-02T17:05:00Z'); // the 17:00 reveal job did not run (say, the bot was busy restarting)
    await scheduler.check();
    expect(publisher.revealed.map((q) => q.id)).toEqual([publisher.published[0]?.quiz.id]);
    await scheduler.stop();
  });

  it('follows settings another replica saved, and tells the admins only once about a channel it is not in', async () => {
    const { store, publisher, clock, scheduler } = make('2026-03-02T07:00:00Z');
    await scheduler.start();
    await store.saveQuizSettings({ channel: 'COTHER', cron: '0 8 * * *', tz: 'UTC', enabled: true });
    await scheduler.check();
    expect(scheduler.nextRun()?.toISOString()).toBe('2026-03-02T08:00:00.000Z');
    clock.now = at('2026-03-02T09:00:00Z');
    publisher.failNext({ ok: false, problem: 'not-in-channel', detail: 'not_in_channel' });
    await scheduler.check();
    await scheduler.check();
    expect(publisher.warnings).toEqual([{ problem: 'not-in-channel', channel: 'COTHER' }]);
    expect(publisher.published).toHaveLength(0);
    await store.saveQuizSettings({ channel: 'COTHER', cron: '0 8 * * *', tz: 'UTC', enabled: false });
    await scheduler.check();
    expect(scheduler.nextRun()).toBeNull();
    await scheduler.stop();
  });

  it('postNow posts even while the schedule is off, but still once a day', async () => {
    const { store, publisher, scheduler } = make('2026-03-07T12:00:00Z'); // a Saturday
    const off: QuizSettings = { channel: 'CQUIZ', cron: WEEKDAYS_9, tz: 'UTC', enabled: false };
    await store.saveQuizSettings(off);
    await scheduler.start();
    expect((await scheduler.postNow(off)).status).toBe('posted');
    expect((await scheduler.postNow(off)).status).toBe('already-posted');
    expect(publisher.published).toHaveLength(1);
    await scheduler.stop();
  });
});
