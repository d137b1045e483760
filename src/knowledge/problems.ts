// The knowledge problem record (file, topic id, field path, message) and how problems are rendered and built.
import type { z } from 'zod';

/** One thing wrong (or, as a warning, worth a look) in the knowledge files. */
export interface KnowledgeProblem {
  /** Path relative to the knowledge directory, e.g. `topics/identity.yml`. */
  file: string;
  topicId?: string;
  /** Field path inside the file, e.g. `topics[3].services.rds.owner`; empty for whole-file problems. */
  path: string;
  message: string;
  /** 1-based line, for YAML syntax errors. */
  line?: number;
}

/** `['topics', 3, 'services', 'rds']` → `topics[3].services.rds`. */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out;
}

/** Turns zod issues into problems; an unknown key gets its own path so a typo points at itself. */
export function problemsFromZod(
  error: z.ZodError,
  file: string,
  prefix: ReadonlyArray<PropertyKey>,
  topicId?: string,
): KnowledgeProblem[] {
  return error.issues.flatMap((issue) => {
    const base = [...prefix, ...issue.path];
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        file,
        topicId,
        path: formatPath([...base, key]),
        message: 'unknown key',
      }));
    }
    return [{ file, topicId, path: formatPath(base), message: issue.message }];
  });
}

/** One line per problem: `file: topicId: path: message` (missing parts are left out, not printed empty). */
export function formatProblems(problems: readonly KnowledgeProblem[]): string {
  return problems
    .map((p) => {
      const where = p.line === undefined ? p.path : [p.path, `line ${p.line}`].filter(Boolean).join(' ');
      return [p.file, p.topicId, where, p.message].filter(Boolean).join(': ');
    })
    .join('\n');
}
