// Service detection: find the AWS services a question names and pick the one it is about.
import {
  AMBIGUOUS_ALIASES,
  GENERIC_SERVICES,
  IMPLIED_SERVICE,
  MORE_SPECIFIC_THAN,
  SERVICE_AWAY_BEFORE,
  SERVICE_FOCUS_BEFORE,
  SERVICE_MODELS,
  SERVICE_REPLACED_BEFORE,
  SERVICE_SKIP_BEFORE,
} from './lexicon-signals.ts';
import { stripSuffix, tokenize } from './normalize.ts';
import type { Service } from './types.ts';

export interface ServiceMention {
  service: Service;
  /** Word index of the first alias word. */
  start: number;
  /** Word index just past the alias. */
  end: number;
}

export interface ServiceDetector {
  /** Every alias word, for the speller's vocabulary. */
  readonly words: string[];
  mentions(words: string[]): ServiceMention[];
  /** Named services, the one the question is most about first. */
  rank(words: string[]): Service[];
  /** The service the question is about, or null when it names none. */
  detect(words: string[]): Service | null;
  /** A service implied by ordinary words ("our linux instances" → EC2), for when none is named. */
  implied(words: string[]): Service | null;
}

export function createServiceDetector(services: Service[]): ServiceDetector {
  const byAlias = new Map<string, Service>();
  const words = new Set<string>();
  let longest = 1;
  for (const service of services) {
    for (const alias of [service.id, service.short, service.name, ...service.aliases]) {
      const tokens = tokenize(alias);
      if (tokens.length === 0) continue;
      for (const t of tokens) words.add(t);
      const key = tokens.map(stripSuffix).join(' ');
      // First claim wins, so a catalogue typo cannot silently steal another service's alias.
      if (!byAlias.has(key)) byAlias.set(key, service);
      longest = Math.max(longest, tokens.length);
    }
  }

  const mentions = (input: string[]): ServiceMention[] => {
    const stems = input.map(stripSuffix);
    const found: ServiceMention[] = [];
    for (let i = 0; i < stems.length; ) {
      let matched = 0;
      for (let n = Math.min(longest, stems.length - i); n >= 1 && matched === 0; n--) {
        const key = stems.slice(i, i + n).join(' ');
        const service = byAlias.get(key);
        const vendor = input[i - 1] === 'aws' || input[i - 1] === 'amazon';
        const ambiguous = n === 1 && (AMBIGUOUS_ALIASES.has(key) || AMBIGUOUS_ALIASES.has(input[i] ?? ''));
        if (service && (vendor || !ambiguous)) {
          found.push({ service, start: i, end: i + n });
          matched = n;
        }
      }
      i += Math.max(matched, 1);
    }
    return found;
  };

  const rank = (input: string[]): Service[] => {
    const found = mentions(input);
    const score = new Map<string, { service: Service; score: number; last: number }>();
    for (const m of found) {
      const entry = score.get(m.service.id) ?? { service: m.service, score: 0, last: 0 };
      entry.score += 1 + focusBonus(input, m.start);
      entry.last = m.start;
      score.set(m.service.id, entry);
    }
    for (const entry of score.values()) {
      if (GENERIC_SERVICES.has(entry.service.id) && score.size > 1) entry.score -= 0.75;
      for (const less of MORE_SPECIFIC_THAN[entry.service.id] ?? []) if (score.has(less)) entry.score += 1.5;
    }
    return [...score.values()].sort((a, b) => b.score - a.score || b.last - a.last).map((e) => e.service);
  };

  const byId = new Map(services.map((s) => [s.id, s]));
  // Ordinary words, then the service models ("in PaaS" implies RDS), each beside the service it implies.
  const cuesById = new Map(
    Object.entries(IMPLIED_SERVICE).map(([id, cues]): [string, string[]] => [id, [...cues]]),
  );
  for (const [model, id] of Object.entries(SERVICE_MODELS))
    cuesById.set(id, [...(cuesById.get(id) ?? []), model]);
  const implying = [...cuesById].flatMap(([id, cues]) => {
    const service = byId.get(id);
    return service ? [{ service, cues: new Set(cues) }] : [];
  });
  const implied = (input: string[]): Service | null =>
    implying.find(({ cues }) => input.some((w) => cues.has(w)))?.service ?? null;

  return { words: [...words], mentions, rank, detect: (input) => rank(input)[0] ?? null, implied };
}

/** How far back an "instead of" reaches: "instead of MongoDB on EC2" puts EC2 in the aside. */
const REPLACED_WINDOW = 4;

/**
 * +1 when the service is the object of "on/in/under…", −1.5 when it is what the asker is leaving, or sits in an
 * "instead of …" aside ("DynamoDB instead of MongoDB on EC2" is about DynamoDB).
 */
function focusBonus(words: string[], start: number): number {
  const aside = words.slice(Math.max(0, start - REPLACED_WINDOW), start);
  if (aside.some((w) => SERVICE_REPLACED_BEFORE.has(w))) return -1.5;
  let j = start - 1;
  while (j >= 0 && SERVICE_SKIP_BEFORE.has(words[j] ?? '')) j--;
  const before = words[j] ?? '';
  if (SERVICE_FOCUS_BEFORE.has(before)) return 1;
  if (SERVICE_AWAY_BEFORE.has(before)) return -1.5;
  return 0;
}
