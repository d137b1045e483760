// Quiz scoring: grading, streaks over quiz days, time zones across DST, leaderboard windows, reveal shares.
import { describe, expect, it } from 'vitest';
import { addDays, localDate, weekStart } from '../../src/core/quiz-dates.ts';
import { misconceptionText, revealStats } from '../../src/core/quiz-reveal.ts';
import {
  grade,
  leaderboard,
  type ScoredAnswer,
  statsOf,
  streakOf,
  windowStart,
} from '../../src/core/quiz-scoring.ts';

const answer = (userId: string, day: string, correct: boolean, hour = 10): ScoredAnswer => ({
  userId,
  localDate: day,
  correct,
  at: new Date(`${day}T${String(hour).padStart(2, '0')}:00:00Z`),
});
// Weekdays of 2026-03-02 (Mon) .. 2026-03-13 (Fri): weekends are not quiz days.
const weekdays = ['02', '03', '04', '05', '06', '09', '10', '11', '12', '13'].map((d) => `2026-03-${d}`);

describe('grade', () => {
  it.each([
    ['AWS', 'AWS', true],
    ['AWS', 'Shared', false],
    ['Customer', 'Customer', true],
  ] as const)('owner %s, choice %s → %s', (owner, choice, correct) => {
    expect(grade({ owner }, choice)).toEqual({ correct, owner, choice });
  });
});

describe('streakOf', () => {
  it.each([
    ['all correct, across a weekend', weekdays, weekdays.map((d) => [d, true] as const), 10, 10],
    [
      'a wrong answer breaks it',
      weekdays.slice(0, 5),
      [
        ['2026-03-02', true],
        ['2026-03-03', false],
        ['2026-03-04', true],
        ['2026-03-05', true],
        ['2026-03-06', true],
      ] as const,
      3,
      3,
    ],
    [
      'a missed quiz day breaks it',
      weekdays.slice(0, 4),
      [
        ['2026-03-02', true],
        ['2026-03-03', true],
        ['2026-03-05', true],
      ] as const,
      1,
      2,
    ],
    [
      'today still open does not break it',
      weekdays.slice(0, 3),
      [
        ['2026-03-02', true],
        ['2026-03-03', true],
      ] as const,
      2,
      2,
    ],
    [
      'today answered wrong does',
      weekdays.slice(0, 3),
      [
        ['2026-03-02', true],
        ['2026-03-03', true],
        ['2026-03-04', false],
      ] as const,
      0,
      2,
    ],
    ['no answers', weekdays.slice(0, 3), [] as const, 0, 0],
  ])('%s', (_name, days, given, current, best) => {
    const answers = given.map(([d, c]) => answer('U1', d, c));
    expect(streakOf(days, answers)).toEqual({ current, best });
  });

  it('ignores practice answers', () => {
    const answers = [
      answer('U1', '2026-03-02', true),
      { ...answer('U1', '2026-03-03', true), practice: true },
    ];
    expect(statsOf(weekdays.slice(0, 3), answers)).toEqual({
      points: 1,
      answered: 1,
      accuracy: 1,
      current: 0,
      best: 1,
    });
  });
});

describe('localDate across time zones and DST', () => {
  it.each([
    ['2026-03-08T04:59:00Z', 'America/New_York', '2026-03-07'],
    ['2026-03-08T05:00:00Z', 'America/New_York', '2026-03-08'], // EST midnight; clocks jump at 07:00Z
    ['2026-03-09T03:59:00Z', 'America/New_York', '2026-03-08'], // EDT (UTC-4) late evening
    ['2026-03-09T04:00:00Z', 'America/New_York', '2026-03-09'],
    ['2026-11-01T03:59:00Z', 'America/New_York', '2026-10-31'],
    ['2026-11-01T04:00:00Z', 'America/New_York', '2026-11-01'],
    ['2026-11-02T04:59:00Z', 'America/New_York', '2026-11-01'], // 25-hour day: EST (UTC-5) again
    ['2026-11-02T05:00:00Z', 'America/New_York', '2026-11-02'],
    ['2026-03-28T23:00:00Z', 'Europe/Berlin', '2026-03-29'],
    ['2026-03-29T21:59:00Z', 'Europe/Berlin', '2026-03-29'], // CEST from 01:00Z
    ['2026-03-29T22:00:00Z', 'Europe/Berlin', '2026-03-30'],
    ['2026-10-25T22:59:00Z', 'Europe/Berlin', '2026-10-25'],
    ['2026-10-25T23:00:00Z', 'Europe/Berlin', '2026-10-26'],
    ['2026-03-08T12:00:00Z', 'UTC', '2026-03-08'],
  ])('%s in %s is %s', (instant, tz, date) => {
    expect(localDate(new Date(instant), tz)).toBe(date);
  });

  it('counts calendar days, so a DST change never skips or repeats one', () => {
    expect(addDays('2026-03-07', 1)).toBe('2026-03-08');
    expect(addDays('2026-03-08', 1)).toBe('2026-03-09');
    expect(addDays('2026-11-01', -1)).toBe('2026-10-31');
    expect(weekStart('2026-03-08')).toBe('2026-03-02'); // a Sunday belongs to the week that began Monday
  });
});

describe('leaderboard', () => {
  const days = weekdays;
  const answers = [
    // U1: 3 points, all last week. U2: 3 points, reached earlier. U3: 2 points this week, streak 2.
    ...['2026-03-02', '2026-03-03', '2026-03-04'].map((d) => answer('U1', d, true, 12)),
    ...['2026-03-02', '2026-03-03', '2026-03-04'].map((d) => answer('U2', d, true, 9)),
    answer('U1', '2026-03-09', false),
    answer('U2', '2026-03-09', false),
    answer('U3', '2026-03-09', true),
    answer('U3', '2026-03-10', true),
    { ...answer('U4', '2026-03-10', true), practice: true },
  ];
  const now = new Date('2026-03-11T08:00:00Z');
  it.each([
    ['week', ['U3', 'U1', 'U2'], [2, 0, 0]],
    ['month', ['U2', 'U1', 'U3'], [3, 3, 2]],
    ['all', ['U2', 'U1', 'U3'], [3, 3, 2]],
  ] as const)('%s', (window, order, points) => {
    const rows = leaderboard(days.slice(0, 8), answers, { now, timeZone: 'America/New_York', window });
    expect(rows.map((r) => r.userId)).toEqual(order);
    expect(rows.map((r) => r.points)).toEqual(points);
  });

  it('orders by points, then current streak, then who got there first', () => {
    const tie = [
      answer('A', '2026-03-02', true, 11),
      answer('B', '2026-03-02', false),
      answer('B', '2026-03-03', true, 9),
      answer('C', '2026-03-03', true, 8),
    ];
    const rows = leaderboard(['2026-03-02', '2026-03-03', '2026-03-04'], tie, {
      now,
      timeZone: 'UTC',
      window: 'all',
    });
    expect(rows.map((r) => [r.userId, r.points, r.streak])).toEqual([
      ['C', 1, 1],
      ['B', 1, 1],
      ['A', 1, 0],
    ]);
  });

  it('finds the window start in the local zone, not UTC', () => {
    // Sunday 23:30 in New York is already Monday in UTC: the week is still the old one there.
    const sundayNight = new Date('2026-03-09T03:30:00Z');
    expect(windowStart('week', sundayNight, 'America/New_York')).toBe('2026-03-02');
    expect(windowStart('week', sundayNight, 'UTC')).toBe('2026-03-09');
    expect(windowStart('month', new Date('2026-04-01T02:00:00Z'), 'America/New_York')).toBe('2026-03-01');
    expect(windowStart('all', sundayNight, 'UTC')).toBeNull();
  });
});

describe('revealStats', () => {
  it.each([
    [{ AWS: 1, Customer: 1, Shared: 1 }, 'AWS', { AWS: 34, Customer: 33, Shared: 33 }, 'Customer'],
    [{ AWS: 3, Customer: 1, Shared: 0 }, 'AWS', { AWS: 75, Customer: 25, Shared: 0 }, null],
    [{ AWS: 1, Customer: 5, Shared: 2 }, 'AWS', { AWS: 13, Customer: 62, Shared: 25 }, 'Customer'],
    [{ AWS: 0, Customer: 0, Shared: 0 }, 'Shared', { AWS: 0, Customer: 0, Shared: 0 }, null],
  ] as const)('%j, correct %s', (counts, correct, percent, misconception) => {
    const stats = revealStats(counts, correct);
    expect(stats.percent).toEqual(percent);
    expect(stats.misconception).toBe(misconception);
  });

  it('names the misconception in plain words', () => {
    const stats = revealStats({ AWS: 1, Customer: 5, Shared: 2 }, 'AWS');
    expect(misconceptionText(stats, 'AWS')).toBe(
      'Most of us got this one wrong: 62% picked Customer, but the answer is AWS.',
    );
  });
});
