// Question text → tokens: Slack markup, entities, emoji, case, punctuation, stemming, phrases and synonyms.
import {
  CASED_REWRITES,
  EXACT_SYNONYMS,
  EXPANSIONS,
  FILLER,
  PHRASES,
  STEM_FAMILIES,
  SYNONYMS,
} from './lexicon.ts';

const ENTITIES: Record<string, string> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#39;': "'",
};

/** Strips Slack markup and invisible characters, keeping the words a person would read. */
export function cleanSlack(text: string): string {
  return (
    text
      // <@U123>, <@U123|name>, <!here>, <!channel>, <!subteam^S1|@team>: addressing, not content.
      .replace(/<[@!][^>]*>/g, ' ')
      // <#C1|name> → name; <https://x|label> → label; bare links carry no question words.
      .replace(/<#[^|>]*\|([^>]*)>/g, ' $1 ')
      .replace(/<[^|>]*\|([^>]*)>/g, ' $1 ')
      .replace(/<[^>]*>/g, ' ')
      .replace(/https?:\/\/\S+/g, ' ')
      .replace(/&(amp|lt|gt|quot|#39);/g, (m) => ENTITIES[m] ?? m)
      // :emoji_shortcodes:, pictographs, variation selectors, zero-width and control characters.
      .replace(/:[a-z0-9_+-]+:/g, ' ')
      .replace(/\p{Extended_Pictographic}|\p{Emoji_Modifier}|\uFE0E|\uFE0F|\u20E3/gu, ' ')
      .replace(/[\u200B-\u200F\u2060\uFEFF]/g, '')
      .replace(/[\p{Cc}\p{Cf}]/gu, ' ')
  );
}

/** Lowercase word tokens of cleaned text; apostrophes folded so "what's" and "whats" agree. */
export function tokenize(text: string): string[] {
  let t = text;
  for (const [re, to] of CASED_REWRITES) t = t.replace(re, to);
  return t
    .toLowerCase()
    .replace(/[’‘`]/g, "'")
    .replace(/'s\b/g, '')
    .replace(/'/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0);
}

const UNDOUBLE = /([^aeioulsz])\1$/;

/** Light suffix stemming (plural, -ing, -ed, final e) then derivational families from the lexicon. */
export function stem(word: string): string {
  const cached = STEM_CACHE.get(word);
  if (cached !== undefined) return cached;
  const root = stemUncached(word);
  // Bounded memo: the vocabulary is small, but a stream of random words must not grow memory forever.
  if (STEM_CACHE.size >= 20_000) STEM_CACHE.clear();
  STEM_CACHE.set(word, root);
  return root;
}

const STEM_CACHE = new Map<string, string>();

function stemUncached(word: string): string {
  const s = stripSuffix(word);
  // Compound tokens (security_group) are already canonical; families would swallow them.
  if (s.includes('_')) return s;
  for (const [prefix, root] of STEM_FAMILIES) if (s.startsWith(prefix)) return root;
  return s;
}

/** Suffix stemming only: for names ("securityhub" must not fold into "security"). */
export function stripSuffix(word: string): string {
  let s = word;
  if (s.length > 3 && !/\d/.test(s)) {
    if (s.endsWith('ies') && s.length > 4) s = `${s.slice(0, -3)}y`;
    else if (/(sses|xes|ches|shes|zes)$/.test(s)) s = s.slice(0, -2);
    else if (s.endsWith('s') && !/(ss|us|is|os)$/.test(s)) s = s.slice(0, -1);
    if (s.endsWith('ing') && s.length > 5) s = dropEnding(s, 3);
    else if (s.endsWith('ed') && s.length > 4 && !s.endsWith('eed')) s = dropEnding(s, 2);
    if (s.endsWith('e') && s.length > 4) s = s.slice(0, -1);
  }
  return s;
}

/**
 * Drops -ing/-ed: a doubled consonant is undoubled ("patching", "pinned"); a stem without a vowel keeps its
 * ending ("shred", "string"); a bare consonant-vowel-consonant stem gets its silent e back, so "coding" and
 * "code", "wiped" and "wipe", "tuning" and "tune" meet.
 */
function dropEnding(word: string, n: number): string {
  const s = word.slice(0, -n);
  if (!/[aeiouy]/.test(s)) return word;
  const undoubled = s.replace(UNDOUBLE, '$1');
  if (undoubled !== s) return undoubled;
  return SHORT_CVC.test(s) ? `${s}e` : s;
}

const SHORT_CVC = /^[^aeiouy][aeiouy][^aeiouwxy]$/;

const stemAll = (text: string): string[] => text.split(' ').filter(Boolean).map(stem);

/** Phrase table keyed by stemmed token sequences, so "security groups" and "security group" both fold. */
const PHRASE_TABLE: Map<string, string[]> = new Map(
  Object.entries(PHRASES).map(([from, to]) => [tokenize(from).map(stem).join(' '), stemAll(to)]),
);
const MAX_PHRASE = Math.max(...[...PHRASE_TABLE.keys()].map((k) => k.split(' ').length));
/** Every proper prefix of a phrase key: the n-gram walk stops as soon as no phrase can continue. */
const PHRASE_PREFIXES = new Set(
  [...PHRASE_TABLE.keys()].flatMap((k) => {
    const parts = k.split(' ');
    return parts.slice(0, -1).map((_, n) => parts.slice(0, n + 1).join(' '));
  }),
);
/** Synonyms keyed by raw word and by stem, so "updates" finds the entry for "update". */
const SYNONYM_TABLE: Map<string, string[]> = new Map([
  ...Object.entries(SYNONYMS).flatMap(
    ([from, to]): Array<[string, string[]]> => [
      [from, stemAll(to)],
      [stem(from), stemAll(to)],
    ],
  ),
  ...Object.entries(EXACT_SYNONYMS).map(([from, to]): [string, string[]] => [from, stemAll(to)]),
]);
const EXPANSION_TABLE: Map<string, string[]> = new Map(
  Object.entries(EXPANSIONS).map(([from, to]) => [stem(from), to.map(stem)]),
);

export interface Normalized {
  /** Content terms in question order: stemmed, folded, synonyms applied, filler dropped. */
  terms: string[];
  /** Weight per term: 1 for words the asker typed, lower for corrections and loose expansions. */
  weights: Map<string, number>;
}

/**
 * Turns raw word tokens (already typo-corrected) into scoring terms.
 * `discount` gives a weight below 1 to some positions: speller corrections, service names.
 */
export function normalizeTokens(
  words: string[],
  discount: ReadonlyMap<number, number> = new Map(),
): Normalized {
  const stems = words.map(stem);
  const terms: string[] = [];
  const weights = new Map<string, number>();
  const add = (term: string, weight: number): void => {
    terms.push(term);
    weights.set(term, Math.max(weights.get(term) ?? 0, weight));
  };
  // Words of frames ("under the shared responsibility model"), kept only if nothing else is asked.
  const frames: string[] = [];
  for (let i = 0; i < words.length; ) {
    const n = matchPhrase(stems, i);
    if (n > 0) {
      const to = PHRASE_TABLE.get(stems.slice(i, i + n).join(' ')) ?? [];
      if (to.length === 0) {
        for (let j = i; j < i + n; j++) if (!isFiller(words[j], stems[j])) frames.push(stems[j] ?? '');
        i += n;
        continue;
      }
      // A compound (guest_os) keeps its parts too, so "os" alone still meets "guest os".
      if (to.length === 1 && to[0]?.includes('_')) {
        for (let j = i; j < i + n; j++) if (!isFiller(words[j], stems[j])) add(stems[j] ?? '', 1);
      }
      for (const t of to) add(t, 1);
      i += n;
      continue;
    }
    const word = words[i] ?? '';
    const st = stems[i] ?? '';
    const weight = discount.get(i) ?? 1;
    i++;
    if (isFiller(word, st)) continue;
    for (const b of SYNONYM_TABLE.get(word) ?? SYNONYM_TABLE.get(st) ?? [st]) {
      add(b, weight);
      for (const extra of EXPANSION_TABLE.get(b) ?? []) add(extra, weight * 0.5);
    }
  }
  if (terms.length === 0) for (const f of frames) add(f, 1);
  return { terms, weights };
}

function isFiller(word: string | undefined, st: string | undefined): boolean {
  return FILLER.has(word ?? '') || FILLER.has(st ?? '');
}

/** Length of the longest phrase starting at position i, or 0; the key grows one word at a time. */
function matchPhrase(stems: string[], i: number): number {
  let key = stems[i] ?? '';
  let best = 0;
  const end = Math.min(stems.length, i + MAX_PHRASE);
  for (let j = i + 1; j < end && PHRASE_PREFIXES.has(key); j++) {
    key = `${key} ${stems[j]}`;
    if (PHRASE_TABLE.has(key)) best = j - i + 1;
  }
  return best;
}
