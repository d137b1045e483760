// Quiz settings in effect: what admins saved at run time, else the environment's defaults; schedule parsing.
import { Cron } from 'croner';
import type { QuizSettings, Store } from '../store/store.ts';

/** QUIZ_CHANNEL / QUIZ_CRON / QUIZ_TZ from config: used until an admin changes the settings. */
export interface QuizDefaults {
  channel?: string;
  cron: string;
  tz: string;
}

export async function loadSettings(
  store: Pick<Store, 'getQuizSettings'>,
  defaults: QuizDefaults,
): Promise<QuizSettings> {
  const saved = await store.getQuizSettings();
  if (saved) return saved;
  return {
    channel: defaults.channel ?? null,
    cron: defaults.cron,
    tz: defaults.tz,
    enabled: !!defaults.channel,
  };
}

export function isValidCron(expression: string): boolean {
  try {
    new Cron(expression, { paused: true });
    return true;
  } catch {
    return false;
  }
}

export function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

export type ScheduleInput =
  | { ok: true; cron: string; tz: string }
  | { ok: false; problem: 'no-quotes' | 'bad-cron' | 'bad-tz'; value: string };

/**
 * `"<cron>" <tz>` as typed after `/srm quiz schedule`. Slack clients turn straight quotes into curly ones,
 * so both count; the time zone may be left out to keep the current one.
 */
export function parseSchedule(args: string, currentTz: string): ScheduleInput {
  const match = /^\s*["“”'‘’](.+?)["“”'‘’]\s*(\S+)?\s*$/.exec(args);
  if (!match) return { ok: false, problem: 'no-quotes', value: args };
  const cron = (match[1] as string).trim().replace(/\s+/g, ' ');
  const tz = match[2] ?? currentTz;
  // Croner also takes six fields (seconds); a daily quiz wants the familiar five.
  if (cron.split(' ').length !== 5 || !isValidCron(cron))
    return { ok: false, problem: 'bad-cron', value: cron };
  if (!isTimeZone(tz)) return { ok: false, problem: 'bad-tz', value: tz };
  return { ok: true, cron, tz };
}
