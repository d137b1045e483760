// `/srm quiz [here|off|schedule|now]`, `/srm leaderboard`, `/srm stats`, `/srm practice`: the quiz's subcommands.
import type { Logger } from '@slack/bolt';
import { pickPractice, type Random } from '../../core/quiz-picker.ts';
import type { KnowledgeBase } from '../../core/types.ts';
import type { PostOutcome } from '../../quiz/post-daily-quiz.ts';
import type { QuizScheduler } from '../../quiz/schedule.ts';
import { channelLeaderboards, userStats } from '../../quiz/scores.ts';
import { loadSettings, parseSchedule, type QuizDefaults } from '../../quiz/settings.ts';
import type { QuizSettings, Store } from '../../store/store.ts';
import { defuse, escapeText, message, type SlackMessage } from '../blocks/mrkdwn.ts';
import { quizQuestionMessage, quizView } from '../blocks/quiz.ts';
import {
  channelGoneMessage,
  leaderboardMessage,
  notAdminMessage,
  noteMessage,
  notInChannelMessage,
  quizSettingsMessage,
  statsMessage,
} from '../blocks/quiz-scores.ts';
import { COMMAND, SUBCOMMANDS } from '../ids.ts';
import { safeRespond } from './send.ts';
import type { Subcommand, SubcommandArgs } from './srm-command.ts';

export interface QuizCommandDeps {
  store: Store;
  kb: KnowledgeBase;
  now: () => Date;
  defaults: QuizDefaults;
  /** QUIZ_ADMINS: may change the quiz without being a workspace admin. */
  admins: readonly string[];
  scheduler: QuizScheduler;
  random?: Random;
  /** Called with each admin who changes the quiz, so posting problems reach someone who can fix them. */
  onAdmin?: (userId: string) => void;
}

/** Workspace admins and owners (users.info, scope users:read) or QUIZ_ADMINS; a failed lookup means no. */
export async function isQuizAdmin(
  client: SubcommandArgs['client'],
  userId: string,
  admins: readonly string[],
  logger: Logger,
): Promise<boolean> {
  if (admins.includes(userId)) return true;
  try {
    const { user } = await client.users.info({ user: userId });
    return !!(user?.is_admin || user?.is_owner || user?.is_primary_owner);
  } catch (error) {
    logger.warn(`users.info failed, treating ${userId} as not a quiz admin: ${(error as Error).message}`);
    return false;
  }
}

function outcomeMessage(outcome: PostOutcome, channel: string | null): SlackMessage {
  const where = channel ? `<#${channel}>` : 'the quiz channel';
  switch (outcome.status) {
    case 'posted':
      return noteMessage(':white_check_mark:', `Posted today's question in ${where}.`);
    case 'already-posted':
      return noteMessage(
        ':calendar:',
        `Today's question is already up in ${where} — one a day, so nobody answers twice.`,
      );
    case 'no-channel':
    case 'disabled':
      return noteMessage(
        ':information_source:',
        `No quiz channel yet: run \`${COMMAND} quiz here\` in the channel first.`,
      );
    case 'no-question':
      return noteMessage(':warning:', 'The knowledge base has no quiz-able topics.');
    case 'not-in-channel':
      return notInChannelMessage(outcome.channel);
    case 'channel-not-found':
      return channelGoneMessage(where);
    case 'failed':
      return noteMessage(
        ':warning:',
        `Slack did not take the post (${escapeText(outcome.detail)}); try again in a minute.`,
      );
  }
}

export function quizSubcommands(deps: QuizCommandDeps): Record<string, Subcommand> {
  const reply = (args: SubcommandArgs, msg: SlackMessage) => safeRespond(args.respond, args.logger, msg);

  const save = async (args: SubcommandArgs, next: QuizSettings, done: string) => {
    await deps.store.saveQuizSettings(next);
    deps.scheduler.apply(next);
    deps.onAdmin?.(args.command.user_id);
    // One reply, not two: a response_url takes five posts at most.
    const note = noteMessage(':white_check_mark:', done);
    const current = quizSettingsMessage(next, deps.scheduler.nextRun());
    await reply(args, message(note.text, [...note.blocks, ...current.blocks]));
  };

  const admin: Record<
    string,
    (args: SubcommandArgs, settings: QuizSettings, rest: string) => Promise<unknown>
  > = {
    here: async (args, settings) => {
      const channel = args.command.channel_id;
      // DMs and group DMs cannot host a team quiz.
      if (!/^[CG]/.test(channel))
        return reply(
          args,
          noteMessage(':information_source:', 'Run this in the channel the quiz should use.'),
        );
      return save(
        args,
        { ...settings, channel, enabled: true },
        `The daily quiz will be posted in <#${channel}>. If I'm not a member yet, run \`/invite @srm-bot\` here.`,
      );
    },
    off: (args, settings) =>
      save(
        args,
        { ...settings, enabled: false },
        `The daily quiz is off. \`${COMMAND} quiz here\` turns it back on.`,
      ),
    schedule: async (args, settings, rest) => {
      const parsed = parseSchedule(rest, settings.tz);
      if (!parsed.ok) {
        const why = {
          'no-quotes': 'Put the cron expression in quotes',
          'bad-cron': 'That is not a five-field cron expression',
          'bad-tz': 'That is not an IANA time zone',
        }[parsed.problem];
        return reply(
          args,
          noteMessage(
            ':warning:',
            // Defused, not in a code span: a backtick in the typed value would close the span and restyle the rest.
            `${why}: “${defuse(parsed.value, 200)}”. Example: \`${COMMAND} quiz schedule "0 9 * * 1-5" Europe/Berlin\``,
          ),
        );
      }
      return save(args, { ...settings, cron: parsed.cron, tz: parsed.tz }, 'Schedule changed.');
    },
    now: async (args, settings) => {
      deps.onAdmin?.(args.command.user_id);
      return reply(args, outcomeMessage(await deps.scheduler.postNow(settings), settings.channel));
    },
  };

  return {
    [SUBCOMMANDS.quiz]: async (args) => {
      const [word = '', ...rest] = args.args.trim().split(/\s+/);
      const settings = await loadSettings(deps.store, deps.defaults);
      const action = admin[word.toLowerCase()];
      if (!action) return void (await reply(args, quizSettingsMessage(settings, deps.scheduler.nextRun())));
      if (!(await isQuizAdmin(args.client, args.command.user_id, deps.admins, args.logger))) {
        return void (await reply(args, notAdminMessage()));
      }
      await action(args, settings, rest.join(' '));
    },
    [SUBCOMMANDS.leaderboard]: async (args) => {
      const settings = await loadSettings(deps.store, deps.defaults);
      const boards = await channelLeaderboards(deps.store, settings, deps.now());
      await reply(args, leaderboardMessage(boards, settings.channel));
    },
    [SUBCOMMANDS.stats]: async (args) => {
      const settings = await loadSettings(deps.store, deps.defaults);
      await reply(args, statsMessage(await userStats(deps.store, settings, args.command.user_id)));
    },
    [SUBCOMMANDS.practice]: async (args) => {
      const userId = args.command.user_id;
      const history = await deps.store.listAnswers({ userId });
      const question = pickPractice(deps.kb, history, { random: deps.random ?? Math.random });
      if (!question)
        return void (await reply(
          args,
          noteMessage(':warning:', 'The knowledge base has no quiz-able topics.'),
        ));
      const quiz = await deps.store.createPractice(userId, question, deps.now());
      await reply(args, quizQuestionMessage(quizView(deps.kb, quiz)));
    },
  };
}
