// Reads knowledge/ (services.yml + topics/*.yml) once, validates it, and returns the knowledge base or every problem.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load as parseYamlText, YAMLException } from 'js-yaml';
import type { z } from 'zod';
import type { KnowledgeBase, Service, Topic } from '../core/types.ts';
import { projectPath } from '../project-root.ts';
import { checkServices, checkTopics, type Located } from './checks.ts';
import { type KnowledgeProblem, problemsFromZod } from './problems.ts';
import { serviceSchema, servicesFileSchema, topicSchema, topicsFileSchema } from './schema.ts';

export { formatProblems, type KnowledgeProblem } from './problems.ts';

export type KnowledgeLoadResult =
  | { ok: true; kb: KnowledgeBase; warnings: KnowledgeProblem[] }
  | { ok: false; problems: KnowledgeProblem[]; warnings: KnowledgeProblem[] };

export interface LoadOptions {
  /** The date review ages are measured against; injected so tests do not depend on the clock. */
  today?: Date;
}

interface Source {
  file: string;
  text: string;
}

/** The project's knowledge/ directory; any working directory, from src/ or from the build in dist/. */
export function knowledgeDir(): string {
  return projectPath('knowledge');
}

function readSources(dir: string, problems: KnowledgeProblem[]): Source[] {
  const files = ['services.yml'];
  const topicsDir = join(dir, 'topics');
  if (existsSync(topicsDir)) {
    const names = readdirSync(topicsDir).filter((name) => /\.ya?ml$/.test(name));
    files.push(...names.sort().map((name) => `topics/${name}`));
  } else problems.push({ file: 'topics/', path: '', message: 'topics directory is missing' });
  const sources: Source[] = [];
  for (const file of files) {
    try {
      sources.push({ file, text: readFileSync(join(dir, file), 'utf8') });
    } catch (err) {
      problems.push({ file, path: '', message: `cannot read: ${(err as Error).message}` });
    }
  }
  return sources;
}

/** Parses one YAML file; a syntax error becomes a problem with its line, and the file yields nothing. */
function parseYaml({ file, text }: Source, problems: KnowledgeProblem[]): unknown {
  try {
    // js-yaml rather than `yaml`: about three times faster on the knowledge files, which keeps start-up cheap.
    return parseYamlText(text, { filename: file }) ?? {};
  } catch (err) {
    if (!(err instanceof YAMLException)) throw err;
    const line = err.mark === undefined ? {} : { line: err.mark.line + 1 };
    problems.push({ file, path: '', message: `YAML syntax error: ${err.reason}`, ...line });
    return undefined;
  }
}

/** Validates each list item on its own, so one bad item does not hide the problems in the others. */
function parseList<T>(
  raw: unknown,
  file: string,
  key: 'topics' | 'services',
  itemSchema: z.ZodType<T>,
  problems: KnowledgeProblem[],
): Located<T>[] {
  const outer = (key === 'topics' ? topicsFileSchema : servicesFileSchema).safeParse(raw);
  if (!outer.success) {
    problems.push(...problemsFromZod(outer.error, file, []));
    return [];
  }
  const items = (outer.data as Record<string, unknown[]>)[key] ?? [];
  const located: Located<T>[] = [];
  items.forEach((item, index) => {
    const parsed = itemSchema.safeParse(item);
    if (parsed.success) located.push({ value: parsed.data, file, index });
    else {
      const id = (item as { id?: unknown } | null)?.id;
      problems.push(
        ...problemsFromZod(parsed.error, file, [key, index], typeof id === 'string' ? id : undefined),
      );
    }
  });
  return located;
}

function validate(
  sources: readonly Source[],
  today: Date,
  problems: KnowledgeProblem[],
): KnowledgeLoadResult {
  const services: Located<Service>[] = [];
  const topics: Located<Topic>[] = [];
  for (const source of sources) {
    const raw = parseYaml(source, problems);
    if (raw === undefined) continue;
    if (source.file === 'services.yml')
      services.push(...parseList(raw, source.file, 'services', serviceSchema, problems));
    else topics.push(...parseList(raw, source.file, 'topics', topicSchema, problems));
  }
  const serviceCheck = checkServices(services);
  const topicCheck = checkTopics(
    topics,
    services.map((s) => s.value),
    today,
  );
  problems.push(...serviceCheck.problems, ...topicCheck.problems);
  const warnings = [...serviceCheck.warnings, ...topicCheck.warnings];
  if (topics.length === 0 && problems.length === 0) {
    problems.push({ file: 'topics/', path: '', message: 'no topics found' });
  }
  if (problems.length > 0) return { ok: false, problems, warnings };
  return {
    ok: true,
    kb: { topics: topics.map((t) => t.value), services: services.map((s) => s.value) },
    warnings,
  };
}

/** Loads and validates the knowledge base, reporting every problem at once rather than the first. */
export function loadKnowledge(dir: string = knowledgeDir(), options: LoadOptions = {}): KnowledgeLoadResult {
  const today = options.today ?? new Date();
  const problems: KnowledgeProblem[] = [];
  const sources = readSources(dir, problems);
  return validate(sources, today, problems);
}
