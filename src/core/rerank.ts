// Service- and perspective-aware re-ranking: the text score says what a question is about, this says whether
// a topic can answer it for the service named and from the side (AWS's own vs ours) it asks about.
import { FILLER } from './lexicon.ts';
import { OWNERSHIP_CUES } from './lexicon-signals.ts';
import { normalizeTokens, tokenize } from './normalize.ts';
import type { Scored } from './scoring.ts';
import type { ServiceDetector } from './services.ts';
import type { Service, Topic } from './types.ts';

/** A topic that cannot give an owner for the named service is a poor match however well its words fit. */
const CANNOT_ANSWER = 0.6;
/** A topic scoped to other services ("Lambda runtime modes" for an EC2 question). */
const OTHER_SERVICE = 0.7;
/** A topic about AWS's own people or systems, for a question about ours. */
const OTHER_SIDE = 0.85;
/** A topic written for particular services when the question names none: the general topic fits better. */
const UNNAMED_SCOPE = 0.9;
/** A topic written for the named service. */
const SAME_SERVICE = 1.15;
/** An AWS-side topic when the asker stresses their own ("our own audit"). */
const OWN_SIDE = 0.25;
/** A shared control as a whole when the question is about one thing of the customer's ("our stacks"). */
const CUSTOMER_HALF = 0.4;

/**
 * Words that name the physical layer: a question that says "physical" or "hardware" is about that layer even when
 * the rest of it ("who secures the servers that host our WorkSpaces") reads like a question about instances.
 */
const PHYSICAL_LAYER = termsOf('physical hardware');
const SAME_LAYER = 2.2;

/**
 * Layer words: a question about the service models or categories that names one of these ("in PaaS who patches
 * the OS?") asks about that layer, which has one owner, not about the model as a whole.
 */
const LAYER_TERMS = termsOf(
  'os guest os host os data iam permission hardware physical encrypt application code infrastructure',
);

/** Term the lexicon emits for "AWS's own …", "amazon staff", "aws internal …". */
export const AWS_OWN = 'aws_own';
/** A topic about a service also answers for its variants (Aurora is RDS). */
const PARENT: Record<string, string[]> = { aurora: ['rds'] };
const FIRST_PERSON = new Set(['our', 'my', 'we', 'us', 'ours', 'ourselves', 'i', 'mine']);
const POSSESSIVE = new Set(['our', 'my']);
/** Words that may follow "our" without naming a thing of the customer's ("our side", "our plate"). */
const NOT_A_THING = new Set(['side', 'plate', 'end', 'part', 'half', 'lane', 'shoulders', 'books']);
/** Words that keep a question at control level even when it mentions something of ours. */
const CONTROL_LEVEL = new Set([
  'split',
  'shared',
  'share',
  'both',
  'divided',
  'control',
  'controls',
  'overall',
]);

interface TopicFacts {
  /** Services the title or keywords name, plus those with an owner override. */
  services: Set<string>;
  awsOwn: boolean;
  /** A shared control as a whole (patch management, configuration management…), not one task in it. */
  controlLevel: boolean;
  /** The title or keywords name specific (non-generic) services: the topic is about those services. */
  scoped: boolean;
  /** The title or keywords name the physical layer. */
  physical: boolean;
  /**
   * For a concept whose owner is Shared as a whole (service models, AWS's service categories): the layer words
   * that make a question about it concrete (those its own title and keywords do not use). Null for other topics.
   */
  modelLayers: ReadonlySet<string> | null;
}

export interface Reranker {
  rerank(ranked: Scored[], words: string[], terms: string[], service: Service | null): Scored[];
  /** Whether a topic is about, or gives an owner for, the service. */
  covers(topic: Topic, service: Service): boolean;
}

export function createReranker(
  topics: Topic[],
  detector: ServiceDetector,
  generic: ReadonlySet<string>,
): Reranker {
  const facts = new Map<string, TopicFacts>();
  for (const t of topics) {
    const words = tokenize(`${t.title} ${t.keywords.join(' ')}`);
    const named = new Set(detector.mentions(words).map((m) => m.service.id));
    const services = new Set([...named, ...Object.keys(t.services)]);
    const scoped = named.size > 0 && [...named].every((id) => !generic.has(id));
    const terms = normalizeTokens(words).terms;
    const controlLevel = t.owner === 'Shared' && terms.includes('control') && !overridden(t);
    const physical = terms.some((term) => PHYSICAL_LAYER.has(term));
    const modelLevel = t.area === 'Concepts' && t.owner === 'Shared' && !overridden(t);
    const modelLayers = modelLevel ? new Set([...LAYER_TERMS].filter((l) => !terms.includes(l))) : null;
    facts.set(t.id, {
      services,
      awsOwn: terms.includes(AWS_OWN),
      scoped,
      controlLevel,
      physical,
      modelLayers,
    });
  }

  const covers = (topic: Topic, service: Service): boolean => {
    if (topic.services[service.id] || topic.categories[service.category]) return true;
    const f = facts.get(topic.id);
    return !!f && [service.id, ...(PARENT[service.id] ?? [])].some((id) => f.services.has(id));
  };

  const rerank = (ranked: Scored[], words: string[], terms: string[], service: Service | null): Scored[] => {
    if (ranked.length === 0) return ranked;
    const askedAwsOwn = terms.includes(AWS_OWN);
    const firstPerson = words.some((w) => FIRST_PERSON.has(w));
    const ownStressed = words.some((w, i) => w === 'own' && POSSESSIVE.has(words[i - 1] ?? ''));
    const customerThing = !words.some((w) => CONTROL_LEVEL.has(w)) && namesCustomerThing(words);
    const related = service ? [service.id, ...(PARENT[service.id] ?? [])] : null;
    const askedPhysical = terms.some((term) => PHYSICAL_LAYER.has(term));
    let changed = false;
    for (const s of ranked) {
      const f = facts.get(s.topic.id);
      if (!f) continue;
      let k = 1;
      if (service && related) {
        const covers = related.some((id) => f.services.has(id));
        const overridden = s.topic.services[service.id] ?? s.topic.categories[service.category];
        if (covers) k *= SAME_SERVICE;
        else if (!s.topic.owner && !overridden) k *= CANNOT_ANSWER;
        else if (f.scoped && !generic.has(service.id)) k *= OTHER_SERVICE;
      } else if (f.scoped) k *= UNNAMED_SCOPE;
      // A question in the first person, or about a service the customer uses, is about the customer's side;
      // "our own audit" says so outright.
      if (f.awsOwn && !askedAwsOwn && (firstPerson || service)) k *= ownStressed ? OWN_SIDE : OTHER_SIDE;
      if (f.controlLevel && customerThing) k *= CUSTOMER_HALF;
      if (f.physical && askedPhysical) k *= SAME_LAYER;
      const layers = f.modelLayers;
      if (layers && terms.some((term) => layers.has(term))) k *= CUSTOMER_HALF;
      if (k !== 1) {
        s.score *= k;
        changed = true;
      }
    }
    return changed ? ranked.sort((a, b) => b.score - a.score) : ranked;
  };
  return { rerank, covers };
}

/** The scoring terms of some words, as a question's words become terms. */
function termsOf(text: string): ReadonlySet<string> {
  return new Set(normalizeTokens(tokenize(text)).terms);
}

/** The topic gives its owner per service or category, not one for all. */
function overridden(topic: Topic): boolean {
  return Object.keys(topic.services).length > 0 || Object.keys(topic.categories).length > 0;
}

/** "our stacks", "my team": a possessive followed by a thing, not by an ownership word ("our job", "our side"). */
function namesCustomerThing(words: string[]): boolean {
  return words.some((w, i) => {
    if (!POSSESSIVE.has(w)) return false;
    const next = words[i + 1] === 'own' ? words[i + 2] : words[i + 1];
    return next !== undefined && !FILLER.has(next) && !OWNERSHIP_CUES.has(next) && !NOT_A_THING.has(next);
  });
}
