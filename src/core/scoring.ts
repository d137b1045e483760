// Topic scoring: an IDF-weighted index over each topic's title, keywords and phrasings, with bigram bonuses.
import { type Normalized, normalizeTokens, tokenize } from './normalize.ts';
import type { Topic } from './types.ts';

/** Field weights: a title or keyword term says more about a topic than a word in one phrasing. */
const FIELD_WEIGHT = { title: 1.3, keywords: 1.2, phrasings: 1 } as const;
/**
 * Weight of a word no topic uses, relative to the rarest known word. Context words ("an intern", "last night")
 * are unknown but say little; full weight let a few of them sink a question the topic answers well.
 */
const UNKNOWN_IDF = 0.5;
/** Questions with more distinct terms than this are "long" for the unknown-word discount. */
const LONG_QUESTION_TERMS = 4;
/** A phrasing the question nearly repeats is strong evidence. */
const PHRASE_WEIGHT = 8;
/** How much of the question a topic explains breaks near ties ("our snapshot shared publicly" is about access). */
const COVERAGE_WEIGHT = 3;
/** IDF mass a phrasing needs before a full match counts fully (about two distinctive words). */
const PHRASE_MIN_MASS = 3;

export interface Scored {
  topic: Topic;
  /** Ranking score (unbounded). */
  score: number;
  /** Share of the question's term mass this topic explains, 0..1. */
  coverage: number;
  /** Share of the closest phrasing's term mass found in the question, 0..1. */
  phrase: number;
}

export interface TopicIndex {
  /** Every term that occurs in some topic. */
  readonly terms: ReadonlySet<string>;
  /** Every raw word in topic text, for the speller. */
  readonly words: ReadonlySet<string>;
  idf(term: string): number;
  /**
   * Topics sharing at least one term with the question, best first. `outside` terms (service names) count
   * as covered by every topic that answers for that service, whether or not its text names it.
   */
  score(question: Normalized, serviceId: string | null, outside?: ServiceTerms): Scored[];
}

/** Service-name terms in a question, and which topics answer for that service. */
export interface ServiceTerms {
  terms: ReadonlySet<string>;
  covers: (topic: Topic) => boolean;
}

interface TopicDoc {
  topic: Topic;
  weights: Map<string, number>;
  bigrams: Set<string>;
  phrasings: Set<string>[];
}

export function createTopicIndex(topics: Topic[]): TopicIndex {
  const words = new Set<string>();
  const terms = (text: string): string[] => {
    const raw = tokenize(text);
    for (const w of raw) words.add(w);
    return normalizeTokens(raw).terms;
  };
  const docs: TopicDoc[] = topics.map((topic) => {
    // Each phrasing is normalised once and used both for term weights and for phrase matching.
    const phrasingTerms = topic.phrasings.map(terms);
    const fields: Array<[number, string[]]> = [
      [FIELD_WEIGHT.title, terms(topic.title)],
      ...topic.keywords.map((k): [number, string[]] => [FIELD_WEIGHT.keywords, terms(k)]),
      ...phrasingTerms.map((ts): [number, string[]] => [FIELD_WEIGHT.phrasings, ts]),
    ];
    const weights = new Map<string, number>();
    const counts = new Map<string, number>();
    const bigrams = new Set<string>();
    for (const [w, ts] of fields) {
      ts.forEach((t, i) => {
        weights.set(t, Math.max(weights.get(t) ?? 0, w));
        counts.set(t, (counts.get(t) ?? 0) + 1);
        if (i > 0) bigrams.add(`${ts[i - 1]} ${t}`);
      });
    }
    // Terms repeated across many phrasings are central to the topic; reward that gently.
    for (const [t, c] of counts) weights.set(t, (weights.get(t) ?? 0) + 0.15 * Math.log(c));
    const phrasings = phrasingTerms.map((ts) => new Set(ts));
    return { topic, weights, bigrams, phrasings };
  });

  const df = new Map<string, number>();
  const postings = new Map<string, number[]>();
  const bigramPostings = new Map<string, number[]>();
  docs.forEach((doc, i) => {
    for (const t of doc.weights.keys()) {
      df.set(t, (df.get(t) ?? 0) + 1);
      const list = postings.get(t);
      if (list) list.push(i);
      else postings.set(t, [i]);
    }
    for (const b of doc.bigrams) {
      const list = bigramPostings.get(b);
      if (list) list.push(i);
      else bigramPostings.set(b, [i]);
    }
  });
  const n = docs.length;
  const idfOf = (d: number): number => Math.log(1 + (n - d + 0.5) / (d + 0.5));
  const maxIdf = idfOf(0.5);
  const idf = (t: string): number => {
    const d = df.get(t);
    return d === undefined ? maxIdf : idfOf(d);
  };
  // In a short question an unknown word is the subject ("dishes"); in a long one it is usually context.
  const questionIdf = (t: string, long: boolean): number =>
    long && !df.has(t) ? UNKNOWN_IDF * maxIdf : idf(t);

  const score = (question: Normalized, serviceId: string | null, outside?: ServiceTerms): Scored[] => {
    let mass = 0;
    let serviceMass = 0;
    const matched = new Map<number, number>();
    const covered = new Map<number, number>();
    const long = question.weights.size > LONG_QUESTION_TERMS;
    for (const [t, w] of question.weights) {
      const v = w * questionIdf(t, long);
      mass += v;
      const named = outside?.terms.has(t) === true;
      if (named) serviceMass += v;
      const list = postings.get(t);
      if (!list) continue;
      for (const i of list) {
        const doc = docs[i] as TopicDoc;
        matched.set(i, (matched.get(i) ?? 0) + v * (doc.weights.get(t) ?? 1));
        if (!named) covered.set(i, (covered.get(i) ?? 0) + v);
      }
    }
    const qt = question.terms;
    for (let k = 1; k < qt.length; k++) {
      const a = qt[k - 1] as string;
      const b = qt[k] as string;
      if (a === b) continue;
      // Weighted like the terms themselves: a bigram with a service name in it says less about the topic.
      const bonus = 0.5 * ((question.weights.get(a) ?? 1) * idf(a) + (question.weights.get(b) ?? 1) * idf(b));
      for (const i of bigramPostings.get(`${a} ${b}`) ?? []) {
        matched.set(i, (matched.get(i) ?? 0) + bonus);
      }
    }
    const results: Scored[] = [];
    for (const [i, m] of matched) {
      const doc = docs[i] as TopicDoc;
      const phrase = bestPhrasing(doc.phrasings, question.weights, idf, PHRASE_MIN_MASS);
      const bonus = serviceId && doc.topic.services[serviceId] ? 1 : 0;
      const coverage =
        mass > 0
          ? Math.min(1, ((covered.get(i) ?? 0) + (outside?.covers(doc.topic) ? serviceMass : 0)) / mass)
          : 0;
      results.push({
        topic: doc.topic,
        score: m + PHRASE_WEIGHT * phrase + bonus + COVERAGE_WEIGHT * coverage,
        coverage,
        phrase,
      });
    }
    return results.sort((a, b) => b.score - a.score);
  };

  return { terms: new Set(df.keys()), words, idf, score };
}

/** The largest share of one phrasing's IDF mass that the question contains. */
function bestPhrasing(
  phrasings: Set<string>[],
  question: Map<string, number>,
  idf: (t: string) => number,
  minMass: number,
): number {
  let best = 0;
  for (const p of phrasings) {
    let total = 0;
    let hit = 0;
    for (const t of p) {
      const v = idf(t);
      total += v;
      hit += v * Math.min(1, question.get(t) ?? 0);
    }
    // A phrasing made only of common words ("who patches it?") is weak evidence even when fully matched.
    if (total > 0) best = Math.max(best, (hit / total) * Math.min(1, total / minMass));
  }
  return best;
}
