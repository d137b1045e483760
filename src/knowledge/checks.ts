// Checks across topics and services that a per-object schema cannot see: duplicates, unknown ids, sources, dates.
import type { Service, Topic } from '../core/types.ts';
import type { KnowledgeProblem } from './problems.ts';
import { AWS_SOURCE_HOST } from './schema.ts';

/** A validated object and where it came from, so cross-file problems can point at both ends. */
export interface Located<T> {
  value: T;
  file: string;
  /** Index in the file's list (`topics[i]` / `services[i]`). */
  index: number;
}

export interface CheckResult {
  problems: KnowledgeProblem[];
  warnings: KnowledgeProblem[];
}

const DAY_MS = 86_400_000;

/** Phrasings compare equal after lowercasing, stripping punctuation and collapsing whitespace. */
export function normalizePhrasing(s: string): string {
  return s
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export function checkServices(services: readonly Located<Service>[]): CheckResult {
  const problems: KnowledgeProblem[] = [];
  const warnings: KnowledgeProblem[] = [];
  const ids = new Map<string, Located<Service>>();
  const aliases = new Map<string, string>();
  for (const located of services) {
    const { value: s, file, index } = located;
    const at = `services[${index}]`;
    const first = ids.get(s.id);
    if (first) problems.push({ file, path: `${at}.id`, message: `duplicate service id "${s.id}"` });
    else ids.set(s.id, located);
    // An alias naming two services would make service detection a coin toss.
    s.aliases.forEach((alias, i) => {
      const owner = aliases.get(alias);
      if (owner !== undefined && owner !== s.id) {
        problems.push({
          file,
          path: `${at}.aliases[${i}]`,
          message: `alias "${alias}" is also used by ${owner}`,
        });
      } else aliases.set(alias, s.id);
    });
    if (s.category === 'infrastructure' && s.tenancy) {
      problems.push({ file, path: `${at}.tenancy`, message: 'tenancy applies only to managed services' });
    }
    if (s.category !== 'infrastructure' && !s.tenancy) {
      warnings.push({ file, path: `${at}.tenancy`, message: 'managed service without tenancy' });
    }
  }
  return { problems, warnings };
}

function isAwsSource(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' && AWS_SOURCE_HOST.test(parsed.hostname);
  } catch {
    return false;
  }
}

/** Per-topic rules that need the service catalogue or the date. */
function checkTopic(located: Located<Topic>, serviceIds: ReadonlySet<string>, today: Date, out: CheckResult) {
  const { value: t, file, index } = located;
  const at = `topics[${index}]`;
  const problem = (path: string, message: string) =>
    out.problems.push({ file, topicId: t.id, path, message });
  for (const id of Object.keys(t.services)) {
    if (!serviceIds.has(id)) problem(`${at}.services.${id}`, `unknown service id "${id}"`);
  }
  const overrides = [...Object.values(t.services), ...Object.values(t.categories)];
  if (t.owner === undefined && overrides.length === 0) {
    problem(`${at}.owner`, 'no default owner and no service or category overrides');
  }
  if ((t.owner === 'Shared' || overrides.some((o) => o?.owner === 'Shared')) && !t.split) {
    problem(`${at}.split`, 'a Shared answer needs a split saying what AWS and the customer each do');
  }
  if (!isAwsSource(t.source)) {
    problem(
      `${at}.source`,
      `source must be an https page on docs.aws.amazon.com, aws.amazon.com or awsstatic.com`,
    );
  }
  const reviewed = Date.parse(`${t.reviewed}T00:00:00Z`);
  const ageDays = (today.getTime() - reviewed) / DAY_MS;
  if (ageDays > 365) {
    out.warnings.push({
      file,
      topicId: t.id,
      path: `${at}.reviewed`,
      message: `last reviewed ${t.reviewed}, over a year ago`,
    });
  } else if (ageDays < -1) {
    out.warnings.push({
      file,
      topicId: t.id,
      path: `${at}.reviewed`,
      message: `review date ${t.reviewed} is in the future`,
    });
  }
}

export function checkTopics(
  topics: readonly Located<Topic>[],
  services: readonly Service[],
  today: Date,
): CheckResult {
  const out: CheckResult = { problems: [], warnings: [] };
  const serviceIds = new Set(services.map((s) => s.id));
  const ids = new Map<string, Located<Topic>>();
  const phrasings = new Map<string, Located<Topic>>();
  for (const located of topics) {
    const { value: t, file, index } = located;
    const first = ids.get(t.id);
    if (first) {
      out.problems.push({
        file,
        topicId: t.id,
        path: `topics[${index}].id`,
        message: `duplicate id, first defined in ${first.file}`,
      });
    } else ids.set(t.id, located);
    t.phrasings.forEach((phrasing, i) => {
      const key = normalizePhrasing(phrasing);
      const claimed = phrasings.get(key);
      const path = `topics[${index}].phrasings[${i}]`;
      if (!claimed) phrasings.set(key, located);
      else if (claimed.value.id === t.id && claimed.file === file) {
        out.warnings.push({ file, topicId: t.id, path, message: `phrasing "${phrasing}" is repeated` });
      } else {
        const message = `phrasing "${phrasing}" is also claimed by ${claimed.value.id} (${claimed.file})`;
        out.problems.push({ file, topicId: t.id, path, message });
      }
    });
    checkTopic(located, serviceIds, today, out);
  }
  return out;
}
