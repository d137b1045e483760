// Picks quiz questions: rotate quiz-able topics without repeats, vary services, and aim practice at past mistakes.
import type { KnowledgeBase, Owner, Service, Topic } from './types.ts';

/** One askable question: a topic, optionally on one service, and its correct owner. */
export interface QuizQuestion {
  topicId: string;
  serviceId: string | null;
  owner: Owner;
}

/** A question asked before (oldest first in a history list). */
export interface AskedQuestion {
  topicId: string;
  serviceId: string | null;
}

/** A source of numbers in [0, 1): `Math.random` in production, `seededRandom(n)` in tests. */
export type Random = () => number;

export interface PickOptions {
  random: Random;
  /** Chance that a topic with a default owner is asked on a service instead. Default 0.5. */
  serviceChance?: number;
}

/** Deterministic PRNG (mulberry32), so tests and replays pick the same questions. */
export function seededRandom(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The owner of a topic on a service: service override, then category override, then the default. */
export function ownerFor(topic: Topic, service: Service | null): Owner | undefined {
  if (!service) return topic.owner;
  return topic.services[service.id]?.owner ?? topic.categories[service.category]?.owner ?? topic.owner;
}

/** Topics whose owner changes with the service are the interesting ones to ask "… on RDS?". */
export function isServiceDependent(topic: Topic): boolean {
  return !topic.owner || Object.keys(topic.services).length > 0 || Object.keys(topic.categories).length > 0;
}

/** "Who is responsible for guest OS patching on RDS?" */
export function questionText(topic: Topic, service: Service | null): string {
  const title = topic.title.trim();
  // Keep acronyms ("IAM policies") as written; lower-case ordinary words mid-sentence.
  const lead = /^[A-Z][a-z]/.test(title) ? title[0]?.toLowerCase() + title.slice(1) : title;
  return `Who is responsible for ${lead}${service ? ` on ${service.short}` : ''}?`;
}

function choose<T>(items: readonly T[], random: Random): T | undefined {
  return items[Math.floor(random() * items.length)];
}

/** Services a topic can be asked on, each with a defined owner. */
function servicesFor(topic: Topic, kb: KnowledgeBase): Service[] {
  return kb.services.filter((service) => ownerFor(topic, service) !== undefined);
}

/** Build the question for a topic: with a service when the owner depends on it, preferring unused services. */
export function questionFor(
  topic: Topic,
  kb: KnowledgeBase,
  history: readonly AskedQuestion[],
  options: PickOptions,
): QuizQuestion | null {
  const withService =
    isServiceDependent(topic) && (!topic.owner || options.random() < (options.serviceChance ?? 0.5));
  if (!withService && topic.owner) return { topicId: topic.id, serviceId: null, owner: topic.owner };
  const candidates = servicesFor(topic, kb);
  const used = new Set(history.filter((h) => h.topicId === topic.id).map((h) => h.serviceId));
  // Named overrides are where the answer differs, so they come first; then services not yet asked.
  const named = candidates.filter((s) => topic.services[s.id] && !used.has(s.id));
  const fresh = candidates.filter((s) => !used.has(s.id));
  const service = choose(named.length ? named : fresh.length ? fresh : candidates, options.random);
  if (!service) return topic.owner ? { topicId: topic.id, serviceId: null, owner: topic.owner } : null;
  const owner = ownerFor(topic, service);
  return owner ? { topicId: topic.id, serviceId: service.id, owner } : null;
}

/** Topic ids not yet asked in the current round; a new round starts once every quiz-able topic was asked. */
export function remainingTopics(pool: readonly Topic[], history: readonly AskedQuestion[]): Topic[] {
  const ids = new Set(pool.map((t) => t.id));
  let seen = new Set<string>();
  for (const asked of history) {
    if (!ids.has(asked.topicId)) continue; // removed from the knowledge base since
    seen.add(asked.topicId);
    if (seen.size === ids.size) seen = new Set();
  }
  return pool.filter((t) => !seen.has(t.id));
}

/**
 * The next daily quiz question: a quiz-able topic not asked in the current round, at random; after the pool
 * is exhausted, a fresh round (never starting with the question just asked, when there is a choice).
 */
export function pickQuiz(
  kb: KnowledgeBase,
  history: readonly AskedQuestion[],
  options: PickOptions,
): QuizQuestion | null {
  const pool = kb.topics.filter((t) => t.quiz);
  let remaining = remainingTopics(pool, history);
  const last = history.at(-1)?.topicId;
  if (remaining.length === pool.length && remaining.length > 1)
    remaining = remaining.filter((t) => t.id !== last);
  // A topic that cannot be asked (no owner on any service) is skipped rather than blocking the rotation.
  while (remaining.length) {
    const topic = choose(remaining, options.random) as Topic;
    const question = questionFor(topic, kb, history, options);
    if (question) return question;
    remaining = remaining.filter((t) => t !== topic);
  }
  return null;
}

/** A past answer of one user, as practice picking needs it. */
export interface PastAnswer extends AskedQuestion {
  correct: boolean;
  at: Date;
}

/**
 * A practice question for one user: first what they got wrong last time they saw it (same service), then
 * topics they never answered, then any quiz-able topic.
 */
export function pickPractice(
  kb: KnowledgeBase,
  answers: readonly PastAnswer[],
  options: PickOptions,
): QuizQuestion | null {
  const pool = kb.topics.filter((t) => t.quiz);
  const latest = new Map<string, PastAnswer>();
  for (const a of [...answers].sort((x, y) => x.at.getTime() - y.at.getTime())) {
    latest.set(`${a.topicId}\u0000${a.serviceId ?? ''}`, a);
  }
  const wrong = [...latest.values()].filter((a) => !a.correct);
  const missed = choose(wrong, options.random);
  if (missed) {
    const topic = pool.find((t) => t.id === missed.topicId);
    const service = kb.services.find((s) => s.id === missed.serviceId) ?? null;
    const owner = topic && ownerFor(topic, service);
    if (topic && owner) return { topicId: topic.id, serviceId: service?.id ?? null, owner };
  }
  const answered = new Set(answers.map((a) => a.topicId));
  const unseen = pool.filter((t) => !answered.has(t.id));
  const topic = choose(unseen.length ? unseen : pool, options.random);
  return topic ? questionFor(topic, kb, answers, options) : null;
}
