// Normalisation: Slack markup, entities, emoji, invisible characters, stemming, phrases, synonyms, huge input.
import { describe, expect, it } from 'vitest';
import { cleanSlack, normalizeTokens, stem, tokenize } from '../../src/core/normalize.ts';

const words = (text: string): string => tokenize(cleanSlack(text)).join(' ');
const terms = (text: string): string[] => normalizeTokens(tokenize(cleanSlack(text))).terms;

describe('cleanSlack + tokenize', () => {
  it.each([
    ['<@U01ABC> who patches ec2', 'who patches ec2'],
    ['<@U01ABC|alice> hi', 'hi'],
    ['<!here> <!channel> quick one', 'quick one'],
    ['see <#C123|security-team>', 'see security team'],
    ['read <https://docs.aws.amazon.com/x|the RDS guide> please', 'read the rds guide please'],
    ['bare <https://example.com/a/b> link', 'bare link'],
    ['plain https://example.com/x link', 'plain link'],
    ['awareness &amp; training &lt;3 &gt;', 'awareness training 3'],
    ['who\u200b patches\u200d ec2', 'who patches ec2'],
    ['who 🙂 patches :tada: ec2 👍🏽', 'who patches ec2'],
    ['WHO’S ON THE HOOK?', 'who on the hook'],
    ['ctrl\u0007chars\u0000here', 'ctrl chars here'],
  ])('%j → %j', (input, expected) => {
    expect(words(input)).toBe(expected);
  });

  it('turns emoji-only and whitespace-only text into no words', () => {
    for (const input of ['🙂🙂🙂', '   \n\t', ':wave: :thumbsup:', '\u200b\u200b'])
      expect(words(input)).toBe('');
  });

  it('handles a 10 KB question quickly', () => {
    const big = 'who patches the guest os on ec2? '.repeat(320);
    const start = performance.now();
    expect(words(big).length).toBeGreaterThan(0);
    expect(performance.now() - start).toBeLessThan(100);
  });
});

describe('stem', () => {
  it.each([
    ['patches', 'patch'],
    ['patching', 'patch'],
    ['patched', 'patch'],
    ['policies', 'policy'],
    ['boxes', 'box'],
    ['encryption', 'encrypt'],
    ['encrypting', 'encrypt'],
    ['maintenance', 'maintain'],
    ['running', 'run'],
    ['os', 'os'],
    ['ec2', 'ec2'],
  ])('%s → %s', (word, expected) => {
    expect(stem(word)).toBe(expected);
  });
  it('folds inflections of one word together', () => {
    expect(stem('configures')).toBe(stem('configured'));
    expect(stem('manages')).toBe(stem('managing'));
  });
  it.each([
    // a silent e comes back after -ing / -ed on a short stem
    ['coding', 'code'],
    ['wiped', 'wipe'],
    ['tuning', 'tune'],
    ['taking', 'take'],
    // a stem without a vowel keeps its ending; -eed is not -ed
    ['shredding', 'shred'],
    ['string', 'strings'],
    ['speed', 'speeds'],
  ])('%s and %s share a stem', (a, b) => {
    expect(stem(a)).toBe(stem(b));
  });
});

describe('normalizeTokens', () => {
  it.each([
    ['patch mgmt?', ['patch', 'management']],
    ['where does change control sit?', ['configuration', 'management']],
    ['who configures the sg', [stem('configure'), 'security_group']],
    ['secgroups on ec2', ['security_group', 'ec2']],
    ['operating system updates', ['os', 'patch']],
    ['who is responsible for the db', [stem('database')]],
    ['IT controls?', ['itcontrol', 'control']],
    ['our vms and azs', ['instanc', 'az']],
    ['the app we build', ['app', 'build']],
    ['the building', ['datacenter']],
    ['personal data', ['sensitiv', 'data']],
    ['how is it divided', ['split']],
    ['vpc endpoint policies', ['vpc', 'endpoint', 'vpc_endpoint', 'policy']],
  ])('%j → %j', (input, expected) => {
    expect(terms(input)).toEqual(expected);
  });

  it('keeps the parts of a compound so a partial mention still meets it', () => {
    expect(terms('guest os patching')).toEqual(expect.arrayContaining(['guest', 'os', 'guest_os', 'patch']));
  });

  it('drops filler and ownership words, leaving nothing for a question with no subject', () => {
    for (const q of ['whose job is it?', 'us or them?', 'so whose is it?', 'is that on us or on them?']) {
      expect(terms(q)).toEqual([]);
    }
  });

  it('counts a discounted word (a correction, a service name) less than a typed one', () => {
    const n = normalizeTokens(['security', 'groups'], new Map([[1, 0.7]]));
    expect(n.weights.get('security_group')).toBe(1);
    expect(n.weights.get('group')).toBe(1);
    const m = normalizeTokens(['hypervisor'], new Map([[0, 0.7]]));
    expect(m.weights.get('hypervisor')).toBeLessThan(1);
  });
});
