// Which sentence asks: context sentences are marked, and a long paste keeps its question.
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/core/engine.ts';
import { focusedWords } from '../../src/core/focus.ts';
import { loadKnowledge } from '../../src/knowledge/load.ts';

const marked = (message: string, limit = 80): string[] => {
  const { words, context } = focusedWords(message, limit);
  return words.map((w, i) => (context[i] ? `(${w})` : w));
};

describe('focusedWords', () => {
  it('marks nothing in a one-sentence message', () => {
    expect(marked('who patches rds?')).toEqual(['who', 'patches', 'rds']);
  });

  it('marks the sentences around the one that asks', () => {
    expect(marked('We keep the default history. Who creates a trail?')).toEqual([
      '(we)',
      '(keep)',
      '(the)',
      '(default)',
      '(history)',
      'who',
      'creates',
      'a',
      'trail',
    ]);
  });

  it('finds the asking sentence by its words when none ends in "?"', () => {
    expect(marked('Context here.\nwho owns mfa')).toEqual(['(context)', '(here)', 'who', 'owns', 'mfa']);
  });

  it('marks nothing when the question points back at the context', () => {
    expect(marked('Power and cooling are on our list. Who owns those?')).not.toContain('(power)');
  });

  it('keeps the question at the end of a paste longer than the limit', () => {
    const paste = `${'log line with words. '.repeat(40)}who patches the guest os?`;
    const { words, context } = focusedWords(paste, 20);
    expect(words).toHaveLength(20);
    expect(words.slice(-5)).toEqual(['who', 'patches', 'the', 'guest', 'os']);
    expect(context.at(-1)).toBe(false);
  });
});

describe('the engine reads the asking sentence', () => {
  const loaded = loadKnowledge();
  if (!loaded.ok) throw new Error('knowledge/ does not load');
  const engine = createEngine(loaded.kb);

  it('answers a question at the end of a long paste', () => {
    const paste = `${'the deploy printed a warning about disk space and a retry. '.repeat(12)}who patches the guest os on our ec2 instances?`;
    const answer = engine.ask(paste);
    expect(answer.kind).toBe('answered');
    if (answer.kind === 'answered') expect(answer.owner).toBe('Customer');
  });
});
