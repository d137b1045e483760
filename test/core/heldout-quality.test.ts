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

// heldout-style-c was written from the research doc's rules alone (typos, slang, odd service names, tasks inside a
// service, control level, per-service breakdowns, look-alike off-topic lines). Each batch of it was scored before
// the matcher changes it led to (the first 250 lines: 92.2% accuracy, 91.1% abstention, 7 confident-wrong).
// heldout-style-d: three batches written apart from the knowledge base and dev.jsonl (terse chat, long scenarios,
// services by their kind), scored before the changes they led to: 90.9% accuracy, 100% abstention, 5 confident-wrong.
// heldout-style-e: two more (non-native English, fragments, generic words; audit voice, incidents, claims to confirm),
// written after those changes and scored before their own: 95.0% accuracy, 91.7% abstention, 9 confident-wrong.
// heldout-style-f: three more (service by layer, noisy Slack pastes, study and exam questions), likewise scored
// before their changes: 92.0% accuracy, 94.7% abstention, 19 confident-wrong (4.9%).
// heldout-style-g: three more (plain-language askers, off-topic traps in AWS words, phone-typed fragments), likewise:
// 86.8% accuracy, 81.7% abstention, 23 confident-wrong (6.3%).
// heldout-style-h: two more (a month of a whole org's questions in mixed styles; "X on Y" deployments and yes/no
// questions), likewise: 97.8% accuracy, 94.0% abstention, 6 confident-wrong (2.1%).
describe.each([
  { name: 'heldout-style.jsonl', accuracy: 0.9 },
  { name: 'heldout-style-b.jsonl', accuracy: 0.9 },
  { name: 'heldout-style-c.jsonl', accuracy: 0.95 },
  { name: 'heldout-style-d.jsonl', accuracy: 0.95 },
  { name: 'heldout-style-e.jsonl', accuracy: 0.95 },
  { name: 'heldout-style-f.jsonl', accuracy: 0.9 },
  { name: 'heldout-style-g.jsonl', accuracy: 0.9 },
  { name: 'heldout-style-h.jsonl', accuracy: 0.95 },
])('$name', ({ name, accuracy }) => {
  const report = evaluate(engine, read(name));
  const misses = report.misses
    .map((m) => `${m.id} expected ${m.expected} got ${m.got} [${m.topic}] ${m.q}`)
    .join('\n');

  it('has both kinds of line', () => {
    expect(report.onTopic).toBeGreaterThan(50);
    expect(report.offTopic).toBeGreaterThan(10);
  });
  it(`answers ≥ ${accuracy * 100}% of on-topic questions with the expected owner`, () => {
    expect(report.correct / report.onTopic, misses).toBeGreaterThanOrEqual(accuracy);
  });
  it('declines ≥ 95% of off-topic questions', () => {
    expect(report.abstained / report.offTopic, misses).toBeGreaterThanOrEqual(0.95);
  });
  it('names a wrong owner on ≤ 2% of all lines', () => {
    expect(report.confidentWrong / report.total, misses).toBeLessThanOrEqual(0.02);
  });
});
