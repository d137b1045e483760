// Quiz scores and settings → Block Kit: leaderboard, personal stats, settings with next run, admin replies.
import type { LeaderboardRow, UserStats } from '../../core/quiz-scoring.ts';
import type { Leaderboards } from '../../quiz/scores.ts';
import type { QuizSettings } from '../../store/store.ts';
import { COMMAND } from '../ids.ts';
import { type Block, context, escapeText, header, message, type SlackMessage, section } from './mrkdwn.ts';

const MEDALS = [':first_place_medal:', ':second_place_medal:', ':third_place_medal:'];

const WINDOWS: { key: keyof Leaderboards; title: string }[] = [
  { key: 'week', title: 'This week' },
  { key: 'month', title: 'This month' },
  { key: 'all', title: 'All time' },
];

function boardText(rows: readonly LeaderboardRow[]): string {
  if (rows.length === 0) return '_No points yet._';
  return rows
    .slice(0, 10)
    .map((r, i) => {
      const streak = r.streak > 1 ? ` · :fire: ${r.streak}` : '';
      return `${MEDALS[i] ?? `${i + 1}.`} <@${r.userId}> — *${r.points}* pt${r.points === 1 ? '' : 's'}${streak}`;
    })
    .join('\n');
}

/** The leaderboard as blocks, shared by `/srm leaderboard` and the App Home tab. */
export function leaderboardBlocks(boards: Leaderboards | null, channel: string | null): Block[] {
  if (!boards || !channel) return [section(':trophy: *Quiz leaderboard*\nNo quiz channel is set yet.')];
  return [
    section(`:trophy: *Quiz leaderboard* for <#${channel}>`),
    ...WINDOWS.map(({ key, title }) => section(`*${title}*\n${boardText(boards[key])}`)),
    context('A point per correct answer; ties go to the longer streak, then to whoever got there first.'),
  ];
}

export function leaderboardMessage(boards: Leaderboards | null, channel: string | null): SlackMessage {
  return message('Quiz leaderboard', leaderboardBlocks(boards, channel));
}

const percent = (share: number): string => `${Math.round(share * 100)}%`;

export function statsBlocks(stats: UserStats | null): Block[] {
  if (!stats) return [section(':bar_chart: *Your quiz stats*\nNo quiz channel is set yet.')];
  if (stats.answered === 0) {
    return [
      section(
        ':bar_chart: *Your quiz stats*\nYou have not answered a daily question yet — the next one is yours.',
      ),
    ];
  }
  return [
    section(
      ':bar_chart: *Your quiz stats*\n' +
        `*${stats.points}* point${stats.points === 1 ? '' : 's'} · streak *${stats.current}* (best ${stats.best}) · ` +
        `accuracy *${percent(stats.accuracy)}* over ${stats.answered} answer${stats.answered === 1 ? '' : 's'}`,
    ),
  ];
}

export function statsMessage(stats: UserStats | null): SlackMessage {
  const text = stats
    ? `Quiz stats: ${stats.points} points, streak ${stats.current}`
    : 'No quiz channel is set yet.';
  return message(text, [...statsBlocks(stats), context(`Practice privately with \`${COMMAND} practice\`.`)]);
}

const when = (date: Date, tz: string): string =>
  `${new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: tz }).format(date)} (${tz})`;

/** `/srm quiz`: what is configured and when the next question goes out. */
export function quizSettingsMessage(settings: QuizSettings, nextRun: Date | null): SlackMessage {
  const channel = settings.channel
    ? `<#${settings.channel}>`
    : '_not set_ — run `/srm quiz here` in a channel';
  const state = settings.enabled && settings.channel ? 'on' : 'off';
  const next = nextRun ? when(nextRun, settings.tz) : '—';
  const lines = [
    `*Channel:* ${channel}`,
    `*Schedule:* \`${escapeText(settings.cron)}\` in ${escapeText(settings.tz)} — ${state}`,
    `*Next question:* ${next}`,
  ];
  return message(`Quiz: ${state}, next ${next}`, [
    header('Daily SRM quiz'),
    section(lines.join('\n')),
    context(
      `Admins: \`${COMMAND} quiz here\` · \`${COMMAND} quiz off\` · \`${COMMAND} quiz schedule "0 9 * * 1-5" Europe/Berlin\` · \`${COMMAND} quiz now\``,
    ),
  ]);
}

/** A one-line reply (confirmation, refusal, problem) with an emoji; `text` is escaped by the caller if echoed. */
export function noteMessage(emoji: string, text: string): SlackMessage {
  // A note of nothing but markup would leave no fallback at all; the emoji then stands in for it.
  const fallback = text.replace(/[*`_]/g, '').trim() || emoji;
  return message(fallback, [section(`${emoji} ${text}`)]);
}

export const notAdminMessage = (): SlackMessage =>
  noteMessage(
    ':raised_hand:',
    'Sorry — only workspace admins and owners (or people listed in QUIZ_ADMINS) can change the quiz. ' +
      `Anyone can answer, and \`${COMMAND} quiz\` shows the schedule.`,
  );

export const notInChannelMessage = (channel: string): SlackMessage =>
  noteMessage(
    ':wave:',
    `I can't post in <#${channel}> because I'm not a member. Open the channel and run \`/invite @srm-bot\`, ` +
      `then \`${COMMAND} quiz now\` to try again.`,
  );

/** `where` names the channel (`<#C…>`, or "The quiz channel <#C…>" in an admin's DM). */
export const channelGoneMessage = (where: string): SlackMessage =>
  noteMessage(':warning:', `${where} is gone or archived: run \`${COMMAND} quiz here\` in another channel.`);
