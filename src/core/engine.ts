// The answer engine: question → normalised terms → service → topic → owner, or an honest "not sure".
import { focusedWords } from './focus.ts';
import { type Intent, readIntent } from './intent.ts';
import { EXACT_SYNONYMS, FILLER, PHRASES, SYNONYMS } from './lexicon.ts';
import { COMMON_WORDS } from './lexicon-common.ts';
import { GENERIC_SERVICES, OFF_TOPIC_PHRASES, OWNERSHIP_CUES, SERVICE_MODELS } from './lexicon-signals.ts';
import { cleanSlack, normalizeTokens, stem, tokenize } from './normalize.ts';
import { breakdownFor, resolveOwner } from './owner.ts';
import { createReranker } from './rerank.ts';
import { createTopicIndex, type Scored } from './scoring.ts';
import { createServiceDetector, type ServiceMention } from './services.ts';
import type {
  Answer,
  AskContext,
  Engine,
  KnowledgeBase,
  Service,
  Suggestion,
  Topic,
  UnsureReason,
} from './types.ts';
import { createSpeller } from './typo.ts';

/** Below this confidence the engine declines: a confident wrong answer is worse than "not sure". */
export const CONFIDENCE_THRESHOLD = 0.4;
/**
 * A question that names an AWS service and is put as someone's part (who, we, our, AWS…) is an SRM question even
 * when its words fit a topic loosely ("are we on the hook for failed drives under Redshift"): a little less
 * confidence is enough.
 */
const NAMED_SERVICE_THRESHOLD = 0.34;
/** Longer questions are pasted logs or documents, not questions; declining is cheap and honest. */
export const MAX_QUESTION_CHARS = 2_000;
/** Work cap: only this many words are read, so any input costs the same bounded time. */
const MAX_WORDS = 80;
const CORRECTED_WEIGHT = 0.7;
/** Words that put a question in AWS's world even when it names no service. */
const ANCHORS = new Set(['aws', 'amazon', 'cloud']);
const SERVICE_WEIGHT = 0.4;
const SUBJECT_SERVICE_WEIGHT = 0.8;
const COMMON_WEIGHT = 0.5;
const CONTEXT_WEIGHT = 0.8;
const UNDER = new Set(['under', 'underneath', 'beneath', 'below']);
const UNDER_WEIGHT = 0.8;
/** A bare security-service name needs its best topic this far ahead of one naming another owner. */
const BARE_SERVICE_MARGIN = 0.3;
/** A match this close to a topic's phrasing, covering this much of the question, is plainly about that topic. */
const STRONG_MATCH = { phrase: 0.7, coverage: 0.45 };
/**
 * Offered when nothing in the question is close to any topic ("what's for lunch?"): the model's own
 * starting points, so a declined question still shows what the bot can answer.
 */
const STARTER_TOPICS = ['security-of-the-cloud', 'security-in-the-cloud', 'patch-management'];

export function createEngine(kb: KnowledgeBase): Engine {
  return createEngineWithTrace(kb).engine;
}

/** The engine plus a trace of the last ranking, for tuning tools and tests. */
export function createEngineWithTrace(kb: KnowledgeBase): { engine: Engine; last: () => Scored[] } {
  let lastRanked: Scored[] = [];
  const index = createTopicIndex(kb.topics);
  const detector = createServiceDetector(kb.services);
  const { rerank, covers } = createReranker(kb.topics, detector, GENERIC_SERVICES);
  // An everyday word no topic uses ("an intern", "as a whole") is context more often than the subject.
  const contextWords = new Set(COMMON_WORDS.filter((w) => !index.terms.has(stem(w))));
  const servicesById = new Map(kb.services.map((s) => [s.id, s]));
  const topicsById = new Map(kb.topics.map((t) => [t.id, t]));
  const lexiconWords = [
    'itcontrol',
    ...FILLER,
    ...OWNERSHIP_CUES,
    ...Object.keys(SYNONYMS),
    ...Object.keys(EXACT_SYNONYMS),
    ...Object.keys(PHRASES).flatMap(tokenize),
  ];
  // Off-topic words are known but never a correction target: "stacks" must not become "snacks".
  const speller = createSpeller([...index.words, ...detector.words, ...lexiconWords], {
    keep: [...COMMON_WORDS, ...Object.values(OFF_TOPIC_PHRASES).flat().flatMap(tokenize)],
    stem,
  });

  const starters = STARTER_TOPICS.flatMap((id) => topicsById.get(id) ?? []);
  const unsure = (reason: UnsureReason, ranked: Scored[] = [], confidence = 0): Answer => ({
    kind: 'unsure',
    reason,
    suggestions: (ranked.length > 0 ? ranked.slice(0, 3).map((s) => s.topic) : starters).map(
      (topic): Suggestion => ({ topic: topic.id, title: topic.title }),
    ),
    confidence,
  });

  const answerTopic = (topicId: string, serviceId?: string | null, confidence = 1): Answer => {
    const topic = topicsById.get(topicId);
    if (!topic) return unsure('no-match');
    const service = serviceId ? (servicesById.get(serviceId) ?? null) : null;
    const resolved = resolveOwner(topic, service);
    if (!resolved)
      return { kind: 'depends', topic, breakdown: breakdownFor(topic, servicesById), confidence };
    return {
      kind: 'answered',
      topic,
      service,
      owner: resolved.owner,
      rationale: resolved.rationale,
      confidence,
    };
  };

  const ask = (question: string, context?: AskContext): Answer => {
    if (question.length > MAX_QUESTION_CHARS * 4) return unsure('too-long');
    const cleaned = cleanSlack(question).trim();
    if (!/[\p{L}\p{N}]/u.test(cleaned)) return unsure('empty');
    if (cleaned.length > MAX_QUESTION_CHARS) return unsure('too-long');

    const { words: raw, context: aside } = focusedWords(question, MAX_WORDS);
    const discount = new Map<number, number>();
    const words = raw.map((w, i) => {
      const fixed = speller(w);
      if (fixed !== w) discount.set(i, CORRECTED_WEIGHT);
      else if (contextWords.has(w)) discount.set(i, COMMON_WEIGHT);
      // "In PaaS who patches the OS?": a service model says where a task happens, like a service name does.
      else if (SERVICE_MODELS[fixed]) discount.set(i, SERVICE_WEIGHT);
      return fixed;
    });
    const mentions = detector.mentions(words);
    const intent = readIntent(words, { anchored: mentions.length > 0 || words.some((w) => ANCHORS.has(w)) });
    const named = detector.rank(words);
    const service = named[0] ?? null;
    // A service name says which owner override applies, not which topic: it counts for less. Security and
    // identity tools (IAM, KMS, CloudTrail, GuardDuty…) are the subject itself and keep more of their weight.
    for (const m of mentions) {
      const weight = GENERIC_SERVICES.has(m.service.id) ? SUBJECT_SERVICE_WEIGHT : SERVICE_WEIGHT;
      for (let i = m.start; i < m.end; i++) discount.set(i, weight);
    }
    // Sentences around the one that asks are context ("we only keep the 90-day history. who creates a trail?"),
    // and so is what a thing sits under ("the physical hosts under our EKS nodes" asks about the hosts).
    const under = words.findIndex((w, i) => i > 1 && UNDER.has(w));
    words.forEach((_, i) => {
      const k = (aside[i] ? CONTEXT_WEIGHT : 1) * (under !== -1 && i > under ? UNDER_WEIGHT : 1);
      if (k !== 1) discount.set(i, (discount.get(i) ?? 1) * k);
    });
    const normalized = normalizeTokens(words, discount);
    const outside = service
      ? { terms: serviceTerms(normalized.terms, mentions, words), covers: (t: Topic) => covers(t, service) }
      : undefined;
    const scored = normalized.terms.length > 0 ? index.score(normalized, service?.id ?? null, outside) : [];
    const implied = service ? null : detector.implied(words);
    const ranked = rerank(scored, words, normalized.terms, service ?? implied);
    lastRanked = ranked;
    if (intent.offTopic && !outweighsOffTopicWord(ranked[0], intent)) return unsure('off-topic', ranked);

    const spoken = serviceTerms(normalized.terms, mentions, words, false);
    const onlyService = normalized.terms.length > 0 && normalized.terms.every((t) => spoken.has(t));
    if (context?.topicId && service && onlyService) return answerTopic(context.topicId, service.id, 0.7);
    // A bare workload service ("rds?", "s3 buckets") names no control: each layer has its own owner, so offer
    // topics. Security services ("kms keys?") are subject matter and are answered.
    if (!context?.topicId && outside && normalized.terms.every((t) => outside.terms.has(t)))
      return unsure('no-match', ranked);

    const best = ranked[0];
    if (!best) return unsure('no-match');
    const ownerOf = (s: Scored): string => resolveOwner(s.topic, service ?? implied)?.owner ?? 'depends';
    const rival = ranked.find((s) => ownerOf(s) !== ownerOf(best));
    const confidence = confidenceOf(best, rival, intent.ownership, normalized.terms.length);
    if (intent.howTo) return unsure('off-topic', ranked, confidence * 0.5);
    // A security service's name alone ("kms?", "cloudtrail?") is answered only when its topics agree on the owner.
    const bare = onlyService && normalized.terms.length === 1 && !context?.topicId;
    if (bare && rival && marginOf(best, rival) < BARE_SERVICE_MARGIN)
      return unsure('no-match', ranked, confidence);
    const threshold =
      mentions.length > 0 && intent.ownership ? NAMED_SERVICE_THRESHOLD : CONFIDENCE_THRESHOLD;
    if (confidence < threshold) return unsure('no-match', ranked, confidence);
    return answerFor(best.topic.id, [...named, detector.implied(words)], confidence);
  };

  /** Answers with the first candidate service that decides the owner; else as if no service was named. */
  const answerFor = (topicId: string, candidates: Array<Service | null>, confidence: number): Answer => {
    const topic = topicsById.get(topicId);
    const service = candidates.find((s) => s && topic && resolveOwner(topic, s));
    return answerTopic(topicId, service?.id ?? candidates[0]?.id ?? null, confidence);
  };

  return {
    engine: { kb, ask, answerTopic: (topicId, serviceId) => answerTopic(topicId, serviceId) },
    last: () => lastRanked,
  };
}

/**
 * "Power outages … who owns those controls?", "someone in the exec meeting said …": a soft off-topic word does
 * not outweigh a question that asks who owns something and matches a topic's phrasing almost word for word.
 */
function outweighsOffTopicWord(best: Scored | undefined, intent: Intent): boolean {
  return (
    !!best &&
    intent.softOffTopic &&
    intent.asksWho &&
    best.phrase >= STRONG_MATCH.phrase &&
    best.coverage >= STRONG_MATCH.coverage
  );
}

/** How far the best topic leads another, as a share of its score. */
function marginOf(best: Scored, other: Scored): number {
  return Math.max(0, (best.score - other.score) / Math.max(best.score, 1e-9));
}

/**
 * Confidence from how much of the question the topic explains and how much of its closest phrasing the
 * question contains, tempered by how far it leads the best topic that would name a different owner (two
 * close topics that agree on the owner make the answer no less certain).
 */
function confidenceOf(best: Scored, second: Scored | undefined, ownership: boolean, terms: number): number {
  const margin = second ? marginOf(best, second) : 1;
  let c = (0.55 * best.coverage + 0.45 * best.phrase) * (0.75 + 0.25 * Math.min(1, margin * 2));
  // A long question that never asks who does what is rarely an SRM question.
  if (!ownership && terms > 4) c *= 0.85;
  return Math.max(0, Math.min(1, c));
}

/**
 * Terms that came from service names ("and on Lambda?" names a service and nothing else); with `subjectOnly`,
 * only those that say where a task happens rather than what it is about.
 */
function serviceTerms(
  terms: string[],
  mentions: ServiceMention[],
  words: string[],
  subjectOnly = true,
): Set<string> {
  const out = new Set<string>();
  if (mentions.length === 0) return out;
  for (const m of mentions) {
    // IAM, KMS, CloudTrail, VPC are subject matter ("kms keys?"), not just the place a task happens.
    if (subjectOnly && GENERIC_SERVICES.has(m.service.id)) continue;
    for (let i = m.start; i < m.end; i++) out.add(stem(words[i] ?? ''));
    // What the alias words became after synonyms ("ec2 boxes" → instance) is the service too.
    for (const t of normalizeTokens(words.slice(m.start, m.end)).terms) out.add(t);
  }
  for (const t of [...out]) if (!terms.includes(t)) out.delete(t);
  return out;
}
