// What every listener factory is handed: the engine, the store, bounded Slack-side memory and the seams for the quiz.
import type { Engine } from '../../core/types.ts';
import type { Store } from '../../store/store.ts';
import type { Block } from '../blocks/mrkdwn.ts';
import type { RateLimiter, ThreadTopics } from '../memory.ts';
import type { Subcommand } from './srm-command.ts';

export interface ListenerDeps {
  engine: Engine;
  store: Store;
  limiter: RateLimiter;
  threads: ThreadTopics;
  rateLimitPerMinute: number;
  now: () => Date;
  /** Extra `/srm <word>` handlers (the quiz: quiz, leaderboard, stats, practice). */
  subcommands?: Record<string, Subcommand>;
  /** Extra App Home sections for a user (the quiz's leaderboard and stats). */
  homeSections?: (userId: string) => Promise<Block[]>;
}
