// Answers of every shape the answer builder draws, for property tests that must reach each of its branches.
import type { Answer, Engine } from '../../src/core/types.ts';

/**
 * One answer of every shape the builder draws: owners and "depends" from real topics, "not sure" of each reason
 * built directly (which question the engine declines is its business; how the decline renders is the builder's).
 */
export function answersOfEveryKind(engine: Engine): Map<string, Answer> {
  const byKind = new Map<string, Answer>();
  for (const topic of engine.kb.topics) {
    for (const service of [null, ...engine.kb.services]) {
      const a = engine.answerTopic(topic.id, service?.id ?? null);
      const kind = a.kind === 'answered' ? `answered:${a.owner}` : a.kind;
      if (!byKind.has(kind)) byKind.set(kind, a);
    }
  }
  const suggestions = engine.kb.topics.slice(0, 3).map((t) => ({ topic: t.id, title: t.title }));
  for (const reason of ['empty', 'too-long', 'off-topic', 'no-match'] as const)
    byKind.set(`unsure:${reason}`, { kind: 'unsure', reason, suggestions, confidence: 0 });
  byKind.set('unsure:no-match:nothing-close', {
    kind: 'unsure',
    reason: 'no-match',
    suggestions: [],
    confidence: 0,
  });
  return byKind;
}
