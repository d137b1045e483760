// Which sentence of a message asks the question: in "We only keep the 90-day history. Who creates a trail?"
// the first sentence is context, and its words should weigh less than the words of the question itself.
import { ASKING_WORDS } from './lexicon-signals.ts';
import { cleanSlack, tokenize } from './normalize.ts';

/** Words by which a question points back at an earlier sentence. */
const REFERS_BACK = new Set(['it', 'that', 'this', 'those', 'these', 'them']);

export interface FocusedWords {
  /** Word tokens of the whole message, in order, at most `limit` of them. */
  words: string[];
  /** Per token: it lies outside the sentence that asks (empty when the message is one sentence). */
  context: boolean[];
}

/**
 * Tokens of a message, each marked as context or not. When the message is longer than `limit` words, context
 * is dropped from the front first, so a question at the end of a long paste is still read.
 */
export function focusedWords(message: string, limit: number): FocusedWords {
  const sentences = message
    .split(/\n+|(?<=[.!?])\s+/)
    .map((s) => ({ text: s, words: tokenize(cleanSlack(s)) }))
    .filter((s) => s.words.length > 0);
  const asking = askingSentence(sentences);
  const words: string[] = [];
  const context: boolean[] = [];
  sentences.forEach((s, i) => {
    for (const w of s.words) {
      words.push(w);
      context.push(asking !== -1 && i !== asking);
    }
  });
  if (words.length <= limit) return { words, context };
  const from = asking === -1 ? 0 : Math.min(context.indexOf(false), words.length - limit);
  return { words: words.slice(from, from + limit), context: context.slice(from, from + limit) };
}

/**
 * The last sentence ending in "?", else the last one with an asking word; -1 for a one-sentence message, or when
 * the asking sentence points back at the context ("who owns those controls?") and so is not whole by itself.
 */
function askingSentence(sentences: Array<{ text: string; words: string[] }>): number {
  if (sentences.length < 2) return -1;
  let asking = -1;
  for (let i = sentences.length - 1; i >= 0 && asking === -1; i--)
    if (sentences[i]?.text.trim().endsWith('?')) asking = i;
  for (let i = sentences.length - 1; i >= 0 && asking === -1; i--)
    if (sentences[i]?.words.some((w) => ASKING_WORDS.has(w))) asking = i;
  if (asking !== -1 && sentences[asking]?.words.some((w) => REFERS_BACK.has(w))) return -1;
  return asking;
}
