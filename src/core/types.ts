// The shared vocabulary of srm-bot: owners, services, topics and answers. Plain types, no dependencies.

/** Who owns a control under the AWS Shared Responsibility Model. */
export type Owner = 'AWS' | 'Customer' | 'Shared';
export const OWNERS: readonly Owner[] = ['AWS', 'Customer', 'Shared'];

/** AWS's own service models: how much of the stack AWS runs for you. */
export type ServiceCategory = 'infrastructure' | 'container' | 'abstracted';
export const SERVICE_CATEGORIES: readonly ServiceCategory[] = ['infrastructure', 'container', 'abstracted'];

/** Managed services run per customer (RDS, ElastiCache) or shared by many customers (S3, DynamoDB). */
export type Tenancy = 'single-tenant' | 'multi-tenant';

/** An AWS service, from the catalogue in knowledge/services.yml. */
export interface Service {
  /** Stable lowercase id, e.g. `ec2`, `rds`, `elastic-beanstalk`. */
  id: string;
  /** Display name, e.g. `Amazon EC2`. */
  name: string;
  /** Short name used in answers, e.g. `EC2`. */
  short: string;
  /** Names, abbreviations and common misspellings people use, lowercase. */
  aliases: string[];
  category: ServiceCategory;
  /** Only for managed services (container / abstracted). */
  tenancy?: Tenancy;
}

/** The owner of a topic for one service or category, when it differs from the topic's default. */
export interface OwnerOverride {
  owner: Owner;
  /** Why, for this service; falls back to the topic's rationale. */
  rationale?: string;
}

/** What each side does, for Shared answers ("AWS builds the patch; you pick the window"). */
export interface Split {
  aws: string;
  customer: string;
}

/** One question the bot can answer: a control or task and who owns it. */
export interface Topic {
  /** Stable kebab-case id, e.g. `guest-os-patching`. */
  id: string;
  /** Grouping for /srm topics, e.g. `Infrastructure`, `Identity and access`. */
  area: string;
  /** Short title, e.g. `Guest OS patching`. */
  title: string;
  /** Ways people ask about it: natural phrasings, used for matching. */
  phrasings: string[];
  /** Extra terms that signal this topic (synonyms, jargon), used for matching. */
  keywords: string[];
  /** Default owner. Absent: the owner depends on the service and a question without one gets a breakdown. */
  owner?: Owner;
  /** Owner per service id, overriding category and default. */
  services: Record<string, OwnerOverride>;
  /** Owner per service category, overriding the default. */
  categories: Partial<Record<ServiceCategory, OwnerOverride>>;
  /** 1–3 sentences: why this owner. */
  rationale: string;
  split?: Split;
  /** The AWS documentation page the answer rests on. */
  source: string;
  /** ISO date (YYYY-MM-DD) this topic was last checked against its source. */
  reviewed: string;
  /** Whether the daily quiz may ask it. */
  quiz: boolean;
}

export interface KnowledgeBase {
  topics: Topic[];
  services: Service[];
}

export interface Suggestion {
  topic: string;
  title: string;
}

export interface BreakdownRow {
  /** Service short name, or a category label such as `container services`. */
  service: string;
  owner: Owner;
}

/** Why the engine declined to name an owner. */
export type UnsureReason = 'empty' | 'too-long' | 'off-topic' | 'no-match';

/** The engine's reply to one question. */
export type Answer =
  | {
      kind: 'answered';
      topic: Topic;
      service: Service | null;
      owner: Owner;
      rationale: string;
      confidence: number;
    }
  | {
      /** The owner depends on a service the question did not name. */
      kind: 'depends';
      topic: Topic;
      breakdown: BreakdownRow[];
      confidence: number;
    }
  | {
      kind: 'unsure';
      reason: UnsureReason;
      suggestions: Suggestion[];
      confidence: number;
    };

/** What a thread already talked about, so "and on Lambda?" can be answered. */
export interface AskContext {
  topicId?: string;
}

export interface Engine {
  readonly kb: KnowledgeBase;
  ask(question: string, context?: AskContext): Answer;
  /** Answer a known topic directly (did-you-mean clicks, quiz feedback). */
  answerTopic(topicId: string, serviceId?: string | null): Answer;
}
