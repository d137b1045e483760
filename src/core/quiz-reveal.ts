// What the reveal shows: the share per option (whole percents summing to 100) and the misconception, if any.
import { OWNERS, type Owner } from './types.ts';

export interface RevealStats {
  total: number;
  /** Whole percents per option; they add up to 100 when anyone answered. */
  percent: Record<Owner, number>;
  correctShare: number;
  /** The most picked wrong option when most of the team got it wrong, else null. */
  misconception: Owner | null;
}

/** Largest-remainder rounding, so 1/3 + 1/3 + 1/3 shows as 34 + 33 + 33 and not 33 + 33 + 33. */
function percents(counts: Record<Owner, number>, total: number): Record<Owner, number> {
  const result: Record<Owner, number> = { AWS: 0, Customer: 0, Shared: 0 };
  if (!total) return result;
  const exact = OWNERS.map((o) => ({ o, v: (counts[o] * 100) / total }));
  for (const { o, v } of exact) result[o] = Math.floor(v);
  let left = 100 - OWNERS.reduce((sum, o) => sum + result[o], 0);
  for (const { o } of [...exact].sort((a, b) => (b.v % 1) - (a.v % 1))) {
    if (left-- <= 0) break;
    result[o] += 1;
  }
  return result;
}

export function revealStats(counts: Record<Owner, number>, correct: Owner): RevealStats {
  const total = OWNERS.reduce((sum, o) => sum + counts[o], 0);
  const correctShare = total ? counts[correct] / total : 0;
  const wrong = OWNERS.filter((o) => o !== correct).sort((a, b) => counts[b] - counts[a])[0] as Owner;
  return {
    total,
    percent: percents(counts, total),
    correctShare,
    misconception: total && correctShare < 0.5 && counts[wrong] > 0 ? wrong : null,
  };
}

/** "Most of us picked Customer, but it is AWS" — neutral text; the block builder adds the rationale. */
export function misconceptionText(stats: RevealStats, correct: Owner): string | null {
  if (!stats.misconception) return null;
  return `Most of us got this one wrong: ${stats.percent[stats.misconception]}% picked ${stats.misconception}, but the answer is ${correct}.`;
}
