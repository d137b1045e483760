// The one table from Slack ID to handler: every event, command and action srm-bot listens to.
import type { App } from '@slack/bolt';
import { ACTIONS, actionPattern, BOT_EVENTS, COMMAND } from '../ids.ts';
import { feedbackReason, feedbackVote, share, suggest } from './answer-actions.ts';
import { appHome } from './app-home.ts';
import type { ListenerDeps } from './deps.ts';
import { directMessage } from './direct-message.ts';
import { mention } from './mention.ts';
import { quizAnswer } from './quiz-answer.ts';
import { srmCommand } from './srm-command.ts';

export type { ListenerDeps } from './deps.ts';

/** The part of Bolt's App used here, so the manifest test can record registrations without starting Bolt. */
export type ListenerRegistry = Pick<App, 'event' | 'command' | 'action'>;

export function registerListeners(app: ListenerRegistry, deps: ListenerDeps): void {
  app.event(BOT_EVENTS.app_mention, mention(deps));
  app.event(BOT_EVENTS['message.im'], directMessage(deps));
  app.event(BOT_EVENTS.app_home_opened, appHome(deps));

  app.command(COMMAND, srmCommand(deps));

  app.action(ACTIONS.share, share(deps));
  app.action(actionPattern(ACTIONS.suggest), suggest(deps));
  app.action(ACTIONS.feedbackUp, feedbackVote(deps, 'up'));
  app.action(ACTIONS.feedbackDown, feedbackVote(deps, 'down'));
  app.action(actionPattern(ACTIONS.feedbackReason), feedbackReason(deps));
  app.action(actionPattern(ACTIONS.quizAnswer), quizAnswer(deps));
}
