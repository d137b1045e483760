// Quiz settings: environment defaults until an admin saves, and `/srm quiz schedule "<cron>" <tz>` parsing.
import { describe, expect, it } from 'vitest';
import { loadSettings, parseSchedule } from '../../src/quiz/settings.ts';
import { createMemoryStore } from '../../src/store/memory.ts';

describe('parseSchedule', () => {
  it.each([
    ['"0 9 * * 1-5" Europe/Berlin', { ok: true, cron: '0 9 * * 1-5', tz: 'Europe/Berlin' }],
    ['“30 8 * * *” UTC', { ok: true, cron: '30 8 * * *', tz: 'UTC' }], // Slack's smart quotes
    ['"0 9 * * 1-5"', { ok: true, cron: '0 9 * * 1-5', tz: 'Asia/Tokyo' }], // keeps the current zone
    ['0 9 * * 1-5 UTC', { ok: false, problem: 'no-quotes', value: '0 9 * * 1-5 UTC' }],
    ['"0 9 * *" UTC', { ok: false, problem: 'bad-cron', value: '0 9 * *' }],
    ['"0 0 9 * * 1-5" UTC', { ok: false, problem: 'bad-cron', value: '0 0 9 * * 1-5' }], // six fields
    ['"0 99 * * *" UTC', { ok: false, problem: 'bad-cron', value: '0 99 * * *' }],
    ['"0 9 * * *" Mars/Olympus', { ok: false, problem: 'bad-tz', value: 'Mars/Olympus' }],
  ])('%s', (input, expected) => {
    expect(parseSchedule(input, 'Asia/Tokyo')).toEqual(expected);
  });
});

describe('loadSettings', () => {
  it('uses QUIZ_* until an admin saves, then the saved settings', async () => {
    const store = createMemoryStore();
    const defaults = { channel: 'CENV', cron: '0 9 * * 1-5', tz: 'UTC' };
    expect(await loadSettings(store, defaults)).toEqual({ ...defaults, enabled: true });
    expect(await loadSettings(store, { cron: '0 9 * * 1-5', tz: 'UTC' })).toMatchObject({
      channel: null,
      enabled: false,
    });
    const saved = { channel: 'CNEW', cron: '0 10 * * *', tz: 'Europe/Berlin', enabled: false };
    await store.saveQuizSettings(saved);
    expect(await loadSettings(store, defaults)).toEqual(saved);
  });
});
