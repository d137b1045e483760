// The speller fixes typos and leaves real words alone, even when they sit one letter from a topic word.
import { describe, expect, it } from 'vitest';
import { stem } from '../../src/core/normalize.ts';
import { createSpeller } from '../../src/core/typo.ts';

const speller = createSpeller(
  ['security', 'groups', 'guest', 'get', 'whose', 'services', 'handle', 'nodes', 'hids', 'price', 'patches'],
  { keep: ['whole', 'survives', 'prime'], stem },
);

describe('createSpeller', () => {
  it.each([
    ['secuirty', 'security'],
    ['grops', 'groups'],
    ['pathces', 'patches'],
    // a dropped letter is the commonest typo: the longer candidate wins a tie
    ['gest', 'guest'],
  ])('%s → %s', (typo, fixed) => {
    expect(speller(typo)).toBe(fixed);
  });

  it.each([
    // everyday words one edit from a topic word
    'whole',
    'survives',
    'prime',
    // one changed letter in a short word is another word, not a typo
    'notes',
    'hits',
    // an inflection of a known word
    'handled',
  ])('leaves %s alone', (word) => {
    expect(speller(word)).toBe(word);
  });
});
