// Per-word typo correction against the knowledge vocabulary: Fuse.js finds candidates, edit distance decides.
import Fuse from 'fuse.js';

/** Corrects one lowercase word; returns it unchanged when it is known, short, numeric or too far from anything. */
export type Speller = (word: string) => string;

const CACHE_LIMIT = 5_000;
/** Words up to this long are only corrected to words with the same first letter ("match" is not "patch"). */
const SHORT = 5;
const FUSE_OPTIONS = { includeScore: true, threshold: 0.45, ignoreLocation: true, minMatchCharLength: 2 };

/**
 * The best-scoring vocabulary words within `allowed` characters of the word's length (for a short word, only those
 * with its first letter).
 */
type Search = (word: string, allowed: number) => { item: string; score?: number }[];

export interface SpellerOptions {
  /** Correct words that are never changed and never corrected towards (everyday English). */
  keep?: Iterable<string>;
  /** The scorer's stemmer: a word whose stem the vocabulary already has is an inflection, not a typo. */
  stem?: (word: string) => string;
}

/** Builds a speller over a vocabulary of lowercase words (knowledge text, service aliases, lexicon). */
export function createSpeller(vocabulary: Iterable<string>, options: SpellerOptions = {}): Speller {
  const vocab = new Set(vocabulary);
  const known = new Set([...vocab, ...(options.keep ?? [])]);
  const { stem } = options;
  const knownStems = new Set(stem ? [...vocab].map(stem) : []);
  // Only words long enough to be worth correcting towards ("hits" is not "his"); short words are matched exactly.
  const targets = [...vocab].filter((w) => w.length >= 4 && !/\d/.test(w));
  // Candidates first pass a cheap letter-count filter: a correction is at most two edits away, so it is within two
  // characters of the word's length and differs from it in at most that many letters. Fuse then ranks only those
  // few. Against the whole vocabulary, a question of 80 unknown words cost ~2 s (found by test/hardening's fuzzing).
  const byLength = new Map<number, { word: string; letters: Map<string, number> }[]>();
  for (const w of targets) {
    const bucket = byLength.get(w.length);
    const entry = { word: w, letters: letterCounts(w) };
    if (bucket) bucket.push(entry);
    else byLength.set(w.length, [entry]);
  }
  const search: Search = (word, allowed) => {
    const letters = letterCounts(word);
    const near: string[] = [];
    for (let length = word.length - allowed; length <= word.length + allowed; length++) {
      for (const t of byLength.get(length) ?? []) {
        if (word.length <= SHORT && t.word[0] !== word[0]) continue;
        if (bagDistance(letters, t.letters, allowed) <= allowed) near.push(t.word);
      }
    }
    return near.length > 0 ? new Fuse(near, FUSE_OPTIONS).search(word, { limit: 12 }) : [];
  };
  const cache = new Map<string, string>();
  return (word) => {
    if (word.length < 4 || known.has(word) || /\d/.test(word) || word.length > 30) return word;
    const hit = cache.get(word);
    if (hit !== undefined) return hit;
    const fixed = stem && knownStems.has(stem(word)) ? word : correct(word, search);
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(word, fixed);
    return fixed;
  };
}

function letterCounts(word: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const c of word) counts.set(c, (counts.get(c) ?? 0) + 1);
  return counts;
}

/**
 * Letters one word has that the other lacks (the larger side), a lower bound of the edit distance: an insertion,
 * deletion or substitution changes it by at most one, a transposition not at all. Stops counting past `cap`.
 */
function bagDistance(a: Map<string, number>, b: Map<string, number>, cap: number): number {
  let onlyA = 0;
  let onlyB = 0;
  for (const [c, n] of a) onlyA += Math.max(0, n - (b.get(c) ?? 0));
  if (onlyA > cap) return onlyA;
  for (const [c, n] of b) onlyB += Math.max(0, n - (a.get(c) ?? 0));
  return Math.max(onlyA, onlyB);
}

function correct(word: string, search: Search): string {
  const allowed = word.length >= 9 ? 2 : 1;
  let best = word;
  let bestDistance = allowed + 1;
  let bestScore = 1;
  for (const { item, score = 1 } of search(word, allowed)) {
    // One changed letter in a short word is usually another real word ("notes", "nodes"), not a typo.
    if (word.length <= SHORT && item.length === word.length && !sameLetters(word, item)) continue;
    const d = damerauLevenshtein(word, item, allowed);
    // On a tie, the longer word: a dropped letter is the commonest typo ("gest" is "guest" sooner than "get").
    const tie =
      d === bestDistance && (item.length > best.length || (item.length === best.length && score < bestScore));
    if (d < bestDistance || tie) {
      best = item;
      bestDistance = d;
      bestScore = score;
    }
  }
  return bestDistance <= allowed ? best : word;
}

/** Optimal string alignment distance, stopping early once every cell in a row exceeds `cap`. */
export function damerauLevenshtein(a: string, b: string, cap = Number.POSITIVE_INFINITY): number {
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    const row: number[] = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      if (i === 0) {
        row.push(j);
        continue;
      }
      const prev = rows[i - 1] as number[];
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        v = Math.min(v, (rows[i - 2]?.[j - 2] ?? 0) + 1);
      }
      row.push(v);
      rowMin = Math.min(rowMin, v);
    }
    if (i > 0 && rowMin > cap) return cap + 1;
    rows.push(row);
  }
  return rows[a.length]?.[b.length] ?? 0;
}

/** Whether two words are anagrams: a swap of two letters ("teh") rather than a changed one. */
function sameLetters(a: string, b: string): boolean {
  return [...a].sort().join('') === [...b].sort().join('');
}
