// The bar on the dev set: accuracy ≥ 95%, abstention ≥ 95%, confident-wrong ≤ 2% of all lines.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/core/engine.ts';
import { type EvalCase, evaluate } from '../../src/core/evaluate.ts';
import { loadKnowledge } from '../../src/knowledge/load.ts';

const file = fileURLToPath(new URL('../fixtures/dev.jsonl', import.meta.url));
const cases = readFileSync(file, 'utf8')
  .split('\n')
  .filter((l) => l.trim() !== '')
  .map((l) => JSON.parse(l) as EvalCase);

describe('dev set quality', () => {
  const loaded = loadKnowledge();
  if (!loaded.ok) throw new Error('knowledge/ does not load');
  const report = evaluate(createEngine(loaded.kb), cases);
  const misses = report.misses
    .map((m) => `${m.id} expected ${m.expected} got ${m.got} [${m.topic}] ${m.q}`)
    .join('\n');

  it('has both kinds of line', () => {
    expect(report.onTopic).toBeGreaterThan(100);
    expect(report.offTopic).toBeGreaterThan(20);
  });
  it('answers ≥ 95% of on-topic questions with the expected owner', () => {
    expect(report.correct / report.onTopic, misses).toBeGreaterThanOrEqual(0.95);
  });
  it('declines ≥ 95% of off-topic questions', () => {
    expect(report.abstained / report.offTopic, misses).toBeGreaterThanOrEqual(0.95);
  });
  it('names a wrong owner on ≤ 2% of all lines', () => {
    expect(report.confidentWrong / report.total, misses).toBeLessThanOrEqual(0.02);
  });
});

describe('declined questions still offer what the bot knows', () => {
  const loaded = loadKnowledge();
  if (!loaded.ok) throw new Error('knowledge/ does not load');
  const engine = createEngine(loaded.kb);
  it.each(["what's for lunch?", 'asdf qwerty', ''])('%j gets three known topics to try', (question) => {
    const answer = engine.ask(question);
    expect(answer.kind).toBe('unsure');
    if (answer.kind !== 'unsure') return;
    expect(answer.suggestions).toHaveLength(3);
    for (const s of answer.suggestions) expect(loaded.kb.topics.some((t) => t.id === s.topic)).toBe(true);
  });
});
