// Escaping and clamping: no user text can mention @channel, fake a link or style the bot's reply; limits hold.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  button,
  capBlocks,
  clamp,
  defuse,
  escapeText,
  fitText,
  header,
  LIMITS,
  section,
} from '../../../src/slack/blocks/mrkdwn.ts';
import { checkBlockKitLimits } from '../../helpers/block-kit-limits.ts';

describe('escapeText / defuse', () => {
  it.each([
    ['<!channel> hi', '&lt;!channel&gt; hi'],
    ['<!here>', '&lt;!here&gt;'],
    ['<@U123>', '&lt;@U123&gt;'],
    ['<https://evil.example|aws.amazon.com>', '&lt;https://evil.example|aws.amazon.com&gt;'],
    ['a & b', 'a &amp; b'],
    ['&lt;', '&amp;lt;'],
  ])('escapes %j', (input, expected) => {
    expect(escapeText(input)).toBe(expected);
  });

  it('breaks styling markers and flattens newlines in echoed text', () => {
    const out = defuse('*bold* _it_ ~s~ `code`\n> quote');
    expect(out).not.toMatch(/\*[^\u200B]/);
    expect(out).not.toContain('\n');
    expect(out.replace(/\u200B/g, '')).toBe('*bold* _it_ ~s~ `code` &gt; quote');
  });

  it('never lets a raw < or > through, for any input', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const out = defuse(s, 1000);
        return !/[<>]/.test(out) && !/&(?!amp;|lt;|gt;)/.test(out);
      }),
    );
  });
});

describe('clamp', () => {
  it('keeps short text and cuts long text with "…" at exactly the limit', () => {
    expect(clamp('short', 10)).toBe('short');
    expect(clamp('x'.repeat(20), 10)).toBe(`${'x'.repeat(9)}…`);
  });

  it('counts code points, so an emoji is never split', () => {
    expect(clamp('😀😀😀', 2)).toBe('😀…');
  });

  it('holds for any text and limit', () => {
    fc.assert(
      fc.property(
        fc.string(),
        fc.integer({ min: 1, max: 50 }),
        (s, max) => Array.from(clamp(s, max)).length <= max,
      ),
    );
  });
});

describe('builders clamp to Block Kit limits', () => {
  it('section, header and button stay within limits for oversized input', () => {
    const long = 'y'.repeat(5000);
    const blocks = [
      section(long),
      header(long),
      { type: 'actions' as const, elements: [button(long, long, long)] },
    ];
    expect(checkBlockKitLimits({ text: 'fallback', blocks })).toEqual([]);
    expect(
      checkBlockKitLimits({
        text: 'fallback',
        blocks: [{ type: 'header', text: { type: 'plain_text', text: long } }],
      }),
    ).not.toEqual([]);
  });

  it('caps the block count and says so', () => {
    const many = Array.from({ length: 80 }, (_, i) => section(`s${i}`));
    const capped = capBlocks(many, LIMITS.messageBlocks);
    expect(capped).toHaveLength(50);
    expect(JSON.stringify(capped.at(-1))).toContain('more than fits');
  });
});

describe('fitText', () => {
  it('keeps total text under the ~13k message limit, clamping the overflowing section and keeping buttons', () => {
    const blocks = [
      ...Array.from({ length: 6 }, () => section('z'.repeat(2900))),
      { type: 'actions' as const, elements: [button('👍', 'up', '1')] },
    ];
    const fitted = fitText(blocks);
    expect(checkBlockKitLimits({ text: 'x', blocks: fitted })).toEqual([]);
    expect(fitted.at(-1)?.type).toBe('actions');
    expect(JSON.stringify(fitted)).toContain('more than fits');
  });

  it('leaves a message that fits untouched', () => {
    const blocks = [section('a'), section('b')];
    expect(fitText(blocks)).toEqual(blocks);
  });
});
