// Scoring a question set: owners, off-topic lines, and lines whose right answer is the per-service breakdown.
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/core/engine.ts';
import { type EvalCase, evaluate } from '../../src/core/evaluate.ts';
import { loadKnowledge } from '../../src/knowledge/load.ts';

const loaded = loadKnowledge();
if (!loaded.ok) throw new Error('knowledge/ does not load');
const engine = createEngine(loaded.kb);

describe('evaluate', () => {
  it('counts a breakdown as right for a `depends` line and an owner as confident-wrong', () => {
    const cases: EvalCase[] = [
      { id: 'a', q: 'who patches the guest os on ec2', owner: 'Customer' },
      { id: 'b', q: 'who patches the os?', owner: null, depends: true },
      { id: 'c', q: 'who is responsible for patch management?', owner: null, depends: true },
      { id: 'd', q: "what's for lunch?", owner: null, offtopic: true },
    ];
    const r = evaluate(engine, cases);
    expect(r.onTopic).toBe(3);
    expect(r.correct).toBe(2);
    expect(r.offTopic).toBe(1);
    expect(r.abstained).toBe(1);
    expect(r.confidentWrong).toBe(1);
    expect(r.misses.map((m) => [m.id, m.expected, m.got])).toEqual([['c', 'depends', 'Shared']]);
  });
});
