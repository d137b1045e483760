// Per-word typo correction against the knowledge vocabulary: Fuse.js finds candidates, edit distance decides.
import Fuse from 'fuse.js';

/** Corrects one lowercase word; returns it unchanged when it is known, short, numeric or too far from anything. */
export type Speller = (word: string) => string;

const CACHE_LIMIT = 5_000;

/** Builds a speller over a vocabulary of lowercase words (knowledge text, service aliases, lexicon). */
export function createSpeller(vocabulary: Iterable<string>): Speller {
  const known = new Set(vocabulary);
  // Only words long enough to be worth correcting towards; short words are matched exactly.
  const targets = [...known].filter((w) => w.length >= 3 && !/\d/.test(w));
  const fuse = new Fuse(targets, {
    includeScore: true,
    threshold: 0.45,
    ignoreLocation: true,
    minMatchCharLength: 2,
  });
  const cache = new Map<string, string>();
  return (word) => {
    if (word.length < 4 || known.has(word) || /\d/.test(word) || word.length > 30) return word;
    const hit = cache.get(word);
    if (hit !== undefined) return hit;
    const fixed = correct(word, fuse);
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(word, fixed);
    return fixed;
  };
}

function correct(word: string, fuse: Fuse<string>): string {
  // Typos rarely touch the first letter; short words also need it, or "match" would become "patch".
  const allowed = word.length >= 8 ? 2 : 1;
  let best = word;
  let bestDistance = allowed + 1;
  let bestScore = 1;
  for (const { item, score = 1 } of fuse.search(word, { limit: 12 })) {
    if (Math.abs(item.length - word.length) > allowed) continue;
    if (word.length <= 5 && item[0] !== word[0]) continue;
    const d = damerauLevenshtein(word, item, allowed);
    if (d < bestDistance || (d === bestDistance && score < bestScore)) {
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
