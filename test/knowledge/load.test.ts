// Loader tests: the real knowledge base is valid, and each kind of problem in a broken fixture is reported precisely.
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { normalizePhrasing } from '../../src/knowledge/checks.ts';
import { formatProblems, type KnowledgeProblem, loadKnowledge } from '../../src/knowledge/load.ts';

const BROKEN = fileURLToPath(new URL('../fixtures/knowledge-broken/', import.meta.url));
const TODAY = new Date('2026-11-23T12:00:00Z');

function loadBroken(today = TODAY) {
  const result = loadKnowledge(BROKEN, { today });
  if (result.ok) throw new Error('the broken fixture loaded without problems');
  return result;
}

describe('loadKnowledge on the broken fixture', () => {
  const { problems } = loadBroken();

  it.each<[string, Partial<Omit<KnowledgeProblem, 'message'>> & { message: RegExp }]>([
    [
      'YAML error (repeated key)',
      { file: 'topics/gamma.yml', line: 9, message: /^YAML syntax error: duplicated mapping key/ },
    ],
    [
      'unknown key',
      { file: 'topics/alpha.yml', topicId: 'typo-key', path: 'topics[2].keywrods', message: /unknown key/ },
    ],
    [
      'bad owner',
      { file: 'topics/alpha.yml', topicId: 'bad-owner', path: 'topics[1].owner', message: /AWS/ },
    ],
    [
      'duplicate id',
      { file: 'topics/beta.yml', topicId: 'good-one', path: 'topics[0].id', message: /alpha\.yml/ },
    ],
    [
      'duplicate phrasing',
      {
        file: 'topics/beta.yml',
        topicId: 'dup-phrasing',
        path: 'topics[1].phrasings[0]',
        message: /good-one/,
      },
    ],
    [
      'unknown service',
      {
        file: 'topics/alpha.yml',
        topicId: 'unknown-service',
        path: 'topics[3].services.lambada',
        message: /lambada/,
      },
    ],
    [
      'non-AWS source',
      { file: 'topics/alpha.yml', topicId: 'blog-source', path: 'topics[4].source', message: /aws/ },
    ],
    [
      'Shared without split',
      { file: 'topics/alpha.yml', topicId: 'shared-no-split', path: 'topics[5].split', message: /split/ },
    ],
    [
      'no owner at all',
      { file: 'topics/alpha.yml', topicId: 'no-owner', path: 'topics[6].owner', message: /no default owner/ },
    ],
    [
      'alias on two services',
      { file: 'services.yml', path: 'services[1].aliases[1]', message: /"ec2".*ec2/ },
    ],
  ])('reports %s with file, id and path', (_kind, { message, ...where }) => {
    const match = problems.find((p) =>
      Object.entries(where).every(([k, v]) => p[k as keyof KnowledgeProblem] === v),
    );
    expect(match, JSON.stringify(problems, null, 2)).toBeDefined();
    expect(match?.message).toMatch(message);
  });

  it('reports every problem at once, and no more than those planted', () => {
    expect(problems).toHaveLength(10);
  });

  it('warns (without failing) about a review older than a year, measured from the given today', () => {
    const stale = (warnings: KnowledgeProblem[]) =>
      warnings.filter((w) => w.file === 'topics/alpha.yml' && w.path === 'topics[0].reviewed');
    expect(stale(loadBroken().warnings)).toEqual([
      expect.objectContaining({
        file: 'topics/alpha.yml',
        topicId: 'good-one',
        message: expect.stringMatching(/2020-01-01/),
      }),
    ]);
    expect(stale(loadBroken(new Date('2020-06-01T00:00:00Z')).warnings)).toEqual([]);
    expect(problems.some((p) => p.path === 'topics[0].reviewed')).toBe(false);
  });
});

describe('loadKnowledge on unparseable YAML', () => {
  // Written at run time: a fixture file with a real syntax error would also fail the repo's lint (Biome parses YAML).
  it('reports the syntax error with its file and line, and still reports problems in the other files', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kb-syntax-'));
    cpSync(BROKEN, dir, { recursive: true });
    writeFileSync(
      join(dir, 'topics', 'delta.yml'),
      'topics:\n  - id: unclosed\n    phrasings: [never closed\n    owner: AWS\n',
    );
    try {
      const result = loadKnowledge(dir, { today: TODAY });
      expect(result.ok).toBe(false);
      const problems = result.ok ? [] : result.problems;
      expect(problems).toContainEqual(
        expect.objectContaining({
          file: 'topics/delta.yml',
          line: 4,
          message: expect.stringMatching(/^YAML syntax error/),
        }),
      );
      expect(problems.some((p) => p.file === 'topics/alpha.yml')).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('formatProblems', () => {
  it('renders one line per problem as file: topicId: path: message, skipping missing parts', () => {
    const text = formatProblems([
      { file: 'topics/a.yml', topicId: 'x', path: 'topics[0].owner', message: 'bad' },
      { file: 'topics/b.yml', path: '', message: 'YAML syntax error: oops', line: 3 },
    ]);
    expect(text.split('\n')).toEqual([
      'topics/a.yml: x: topics[0].owner: bad',
      'topics/b.yml: line 3: YAML syntax error: oops',
    ]);
  });
});

describe('normalizePhrasing', () => {
  it.each([
    ['Who guards   the DOOR?', 'who guards the door'],
    ['root user?', 'root user'],
    ['  SSE-S3 keys!  ', 'sse s3 keys'],
  ])('%j → %j', (input, expected) => {
    expect(normalizePhrasing(input)).toBe(expected);
  });
});
