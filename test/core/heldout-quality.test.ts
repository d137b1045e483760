// Held-out-style bars: questions written apart from dev.jsonl and the knowledge base, in real Slack styles.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/core/engine.ts';
import { type EvalCase, evaluate } from '../../src/core/evaluate.ts';
import { loadKnowledge } from '../../src/knowledge/load.ts';

const loaded = loadKnowledge();
if (!loaded.ok) throw new Error('knowledge/ does not load');
const engine = createEngine(loaded.kb);

const read = (name: string): EvalCase[] =>
  readFileSync(fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url)), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as EvalCase);

describe.each(['heldout-style.jsonl', 'heldout-style-b.jsonl'])('%s', (name) => {
  const report = evaluate(engine, read(name));
  const misses = report.misses
    .map((m) => `${m.id} expected ${m.expected} got ${m.got} [${m.topic}] ${m.q}`)
    .join('\n');

  it('has both kinds of line', () => {
    expect(report.onTopic).toBeGreaterThan(50);
    expect(report.offTopic).toBeGreaterThan(10);
  });
  it('answers ≥ 90% of on-topic questions with the expected owner', () => {
    expect(report.correct / report.onTopic, misses).toBeGreaterThanOrEqual(0.9);
  });
  it('declines ≥ 95% of off-topic questions', () => {
    expect(report.abstained / report.offTopic, misses).toBeGreaterThanOrEqual(0.95);
  });
  it('names a wrong owner on ≤ 2% of all lines', () => {
    expect(report.confidentWrong / report.total, misses).toBeLessThanOrEqual(0.02);
  });
});
