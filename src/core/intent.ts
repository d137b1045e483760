// Question intent: is it an ownership question at all, or a price, status, how-to, other-cloud or HR question?
import { OFF_TOPIC_PHRASES, OWNERSHIP_CUES } from './lexicon-signals.ts';
import { tokenize } from './normalize.ts';

export interface Intent {
  /** Off-topic category that rules the question out (other cloud, personal device, price, status, org). */
  offTopic: string | null;
  /** A how-to question ("how do I mount…"): off-topic unless it also asks who is responsible. */
  howTo: boolean;
  /** The question asks who owns, patches, manages… something. */
  ownership: boolean;
}

/** Categories that rule a question out even when it also asks "who". */
const HARD = new Set(['other-cloud', 'personal', 'price', 'status', 'org']);
/** Words that make a how-to question an ownership question after all ("how do I know who patches…"). */
const STRONG_CUES = new Set([
  'who',
  'whose',
  'responsible',
  'responsibility',
  'job',
  'owns',
  'owner',
  'accountable',
]);

const PHRASES: Array<[string, string]> = Object.entries(OFF_TOPIC_PHRASES).flatMap(([category, list]) =>
  list.map((p): [string, string] => [` ${tokenize(p).join(' ')} `, category]),
);

export function readIntent(words: string[]): Intent {
  const text = ` ${words.join(' ')} `;
  let offTopic: string | null = null;
  let howTo = false;
  for (const [phrase, category] of PHRASES) {
    if (!text.includes(phrase)) continue;
    if (HARD.has(category)) offTopic ??= category;
    else howTo = true;
  }
  const ownership = words.some((w) => OWNERSHIP_CUES.has(w));
  if (howTo && words.some((w) => STRONG_CUES.has(w))) howTo = false;
  return { offTopic, howTo, ownership };
}
