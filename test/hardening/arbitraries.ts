// fast-check arbitraries for hostile chat text: Unicode, Slack markup, control chars, bidi marks, zero-width, emoji.
import fc from 'fast-check';
import { INJECTIONS } from './inert.ts';

const range = (from: number, to: number): string[] =>
  Array.from({ length: to - from + 1 }, (_, i) => String.fromCharCode(from + i));

export const CONTROL = [...range(0x00, 0x1f), ...range(0x7f, 0x9f)];
/** Bidi marks, embeddings, overrides and isolates: what RTL text and spoofing attempts carry. */
export const BIDI = ['\u200E', '\u200F', '\u061C', ...range(0x202a, 0x202e), ...range(0x2066, 0x2069)];
export const ZERO_WIDTH = ['\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF', '\u00AD', '\u034F'];
export const EMOJI = [
  '👍',
  '🏳️‍🌈',
  '👨‍👩‍👧‍👦',
  '👋🏽',
  '🇩🇪',
  '🧑‍💻',
  ':thumbsup:',
  ':+1::skin-tone-3:',
  '\uD83D', // a lone high surrogate, as a broken client might send
  '\uDE00',
];
export const SLACK_MARKUP = [
  ...INJECTIONS,
  '<@U0123ABC>',
  '<@W0123ABC|someone>',
  '<#C0123|general>',
  '<https://docs.aws.amazon.com|docs>',
  '<https://aws.amazon.com>',
  '&amp;',
  '&lt;',
  '&',
  '<',
  '>',
  '*',
  '_',
  '~',
  '`',
  '```',
  '\n',
  ':rocket:',
];
/** Words that steer the engine into its matching paths (services, controls), so answers of every kind occur. */
export const WORDS = [
  'who',
  'patches',
  'the',
  'guest',
  'OS',
  'on',
  'EC2',
  'RDS',
  'Lambda',
  'S3',
  'DynamoDB',
  'Fargate',
  'encryption',
  'keys',
  'KMS',
  'IAM',
  'MFA',
  'hypervisor',
  'firewall',
  'backups',
  'maintenance window',
  'and on',
  'responsible',
  '?',
];

const piece = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...WORDS) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 8 }) },
  { weight: 2, arbitrary: fc.constantFrom(...SLACK_MARKUP) },
  { weight: 1, arbitrary: fc.constantFrom(...BIDI, ...ZERO_WIDTH) },
  { weight: 1, arbitrary: fc.constantFrom(...CONTROL) },
  { weight: 1, arbitrary: fc.constantFrom(...EMOJI) },
);

/** Short hostile chat text: up to 40 pieces, glued with or without spaces. */
export const chatText = fc
  .tuple(fc.array(piece, { maxLength: 40 }), fc.constantFrom('', ' '))
  .map(([parts, glue]) => parts.join(glue));

/** Very long text: one piece repeated into the thousands of characters (past the engine's 2,000-char limit). */
export const longText = fc
  .tuple(piece, fc.integer({ min: 50, max: 4_000 }))
  .map(([p, n]) => (p || 'x').repeat(n));

/** What users type: mostly chat-length text, sometimes very long. */
export const userText = fc.oneof({ weight: 9, arbitrary: chatText }, { weight: 1, arbitrary: longText });
