// Every Slack ID srm-bot uses (command, events, scopes, action and block ids), shared by blocks, listeners and the manifest test.

export const COMMAND = '/srm';

/** Manifest `bot_events` → the Bolt event type the listener registers (message.im arrives as `message`). */
export const BOT_EVENTS = {
  app_mention: 'app_mention',
  'message.im': 'message',
  app_home_opened: 'app_home_opened',
} as const;

/**
 * Bot scopes, each for calls the code makes: app_mentions:read (app_mention), chat:write (chat.postMessage /
 * chat.update), commands (/srm), im:history (message.im), users:read (users.info: is a quiz changer a workspace
 * admin?). views.publish and response_url need none.
 */
export const BOT_SCOPES = [
  'app_mentions:read',
  'chat:write',
  'commands',
  'im:history',
  'users:read',
] as const;

/** action_ids. Buttons sharing one actions block need distinct ids, hence the numbered prefixes. */
export const ACTIONS = {
  share: 'srm_share',
  feedbackUp: 'srm_feedback_up',
  feedbackDown: 'srm_feedback_down',
  /** + reason, e.g. `srm_feedback_reason:wrong-owner`. */
  feedbackReason: 'srm_feedback_reason',
  /** + index, e.g. `srm_suggest:0`. */
  suggest: 'srm_suggest',
  /** Daily quiz and practice answer buttons (issue 4), + owner, e.g. `srm_quiz_answer:AWS`. */
  quizAnswer: 'srm_quiz_answer',
} as const;

/** Matches every id built from a prefix above (`prefix:suffix`). */
export const actionPattern = (prefix: string): RegExp => new RegExp(`^${prefix}:`);
export const actionId = (prefix: string, suffix: string | number): string => `${prefix}:${suffix}`;

export const BLOCKS = {
  answerActions: 'srm_answer_actions',
  suggestions: 'srm_suggestions',
  feedbackReasons: 'srm_feedback_reasons',
  quizAnswers: 'srm_quiz_answers',
} as const;

/** `/srm <word>` subcommands; the quiz's four are routed through ListenerDeps.subcommands. */
export const SUBCOMMANDS = {
  help: 'help',
  topics: 'topics',
  quiz: 'quiz',
  leaderboard: 'leaderboard',
  stats: 'stats',
  practice: 'practice',
} as const;
