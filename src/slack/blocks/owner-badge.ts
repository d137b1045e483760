// How each owner looks in Slack: an emoji plus a colour word, so the badge reads without colour too.
import type { Owner } from '../../core/types.ts';

export interface Badge {
  emoji: string;
  colour: string;
  label: string;
}

export const BADGES: Record<Owner, Badge> = {
  AWS: { emoji: ':large_orange_square:', colour: 'orange', label: 'AWS' },
  Customer: { emoji: ':large_blue_square:', colour: 'blue', label: 'Customer (you)' },
  Shared: { emoji: ':large_purple_square:', colour: 'purple', label: 'Shared' },
};

export const DEPENDS_BADGE: Badge = {
  emoji: ':large_yellow_square:',
  colour: 'yellow',
  label: 'Depends on the service',
};

/** `🟧 *AWS* (orange)`: the first thing on an answer. */
export const badge = (b: Badge): string => `${b.emoji} *${b.label}* (${b.colour})`;

/** One-line key for pictures that use the squares alone. */
export const legend = (): string =>
  (Object.values(BADGES) as Badge[]).map((b) => `${b.emoji} ${b.label} = ${b.colour}`).join('   ');
