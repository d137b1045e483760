// Escaping and Block Kit limits in one place: echoed user text is defused, dynamic text clamped with "…".
import type { types } from '@slack/bolt';

export type Block = types.KnownBlock;
export type Button = types.Button;

/** A message ready for chat.postMessage / respond(): `text` is the notification and accessibility fallback. */
export interface SlackMessage {
  text: string;
  blocks: Block[];
}

/** Block Kit limits (docs.slack.dev/reference/block-kit/blocks); msgChars is the undocumented msg_blocks_too_long. */
export const LIMITS = {
  messageBlocks: 50,
  homeBlocks: 100,
  sectionText: 3000,
  field: 2000,
  fields: 10,
  header: 150,
  buttonText: 75,
  actionId: 255,
  blockId: 255,
  value: 2000,
  contextElements: 10,
  actionElements: 25,
  msgChars: 13_000,
  fallbackText: 3000,
} as const;

/** Cut to `max` characters (code points, so an emoji is never split), ending in "…" when cut. */
export function clamp(text: string, max: number): string {
  const chars = Array.from(text);
  if (chars.length <= max) return text;
  return `${chars.slice(0, Math.max(0, max - 1)).join('')}…`;
}

/** `&`, `<`, `>` become entities: no `<!channel>`, `<@U…>` or `<https://evil|trusted>` from user text. */
export function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * User text shown in mrkdwn: escaped, and styling markers broken with a zero-width space, since Slack has
 * no escape for `*_~\``. Also flattened to one line so a quote cannot start a block quote or code block.
 */
export function defuse(text: string, max = 500): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return escapeText(clamp(flat, max)).replace(/([*_~`])/g, '$1\u200B');
}

/** A topic's source as a link target: https only, nothing that could break out of `<url|label>`; else null. */
export const safeUrl = (url: string): string | null => (/^https:\/\/[^\s<>|]+$/.test(url) ? url : null);

export const mrkdwn = (text: string, max: number = LIMITS.sectionText): types.MrkdwnElement => ({
  type: 'mrkdwn',
  text: clamp(text, max),
});

export const plain = (text: string, max: number): types.PlainTextElement => ({
  type: 'plain_text',
  text: clamp(text, max),
  emoji: true,
});

export const section = (text: string): Block => ({ type: 'section', text: mrkdwn(text) });

export const header = (text: string): Block => ({ type: 'header', text: plain(text, LIMITS.header) });

export const context = (...texts: string[]): Block => ({
  type: 'context',
  elements: texts.slice(0, LIMITS.contextElements).map((t) => mrkdwn(t, LIMITS.sectionText)),
});

export const divider = (): Block => ({ type: 'divider' });

export function button(
  label: string,
  actionId: string,
  value: string,
  style?: 'primary' | 'danger',
): types.Button {
  return {
    type: 'button',
    text: plain(label, LIMITS.buttonText),
    action_id: clamp(actionId, LIMITS.actionId),
    value: clamp(value, LIMITS.value),
    ...(style ? { style } : {}),
  };
}

export const actions = (blockId: string, elements: types.Button[]): Block => ({
  type: 'actions',
  block_id: clamp(blockId, LIMITS.blockId),
  elements: elements.slice(0, LIMITS.actionElements),
});

const MORE = '_…more than fits in one message._';

/** Keep at most `max` blocks; when cut, the last kept block says so. */
export function capBlocks(blocks: Block[], max: number): Block[] {
  if (blocks.length <= max) return blocks;
  return [...blocks.slice(0, max - 1), context(MORE)];
}

/** Visible characters in a block tree: what Slack's undocumented msg_blocks_too_long counts. */
function textChars(node: unknown): number {
  if (Array.isArray(node)) return node.reduce((n: number, x) => n + textChars(x), 0);
  if (!node || typeof node !== 'object') return 0;
  return Object.entries(node).reduce(
    (n, [k, v]) => n + (k === 'text' && typeof v === 'string' ? v.length : textChars(v)),
    0,
  );
}

/**
 * Keep the blocks' total text under `budget`: the first block that would overflow is clamped (or dropped) and
 * a note added; later text blocks are dropped, but action blocks (feedback, Share) are always kept.
 */
export function fitText(blocks: Block[], budget: number = LIMITS.msgChars - 1000): Block[] {
  let used = 0;
  let cut = false;
  const out: Block[] = [];
  for (const block of blocks) {
    const n = textChars(block);
    if (block.type === 'actions' || (!cut && used + n <= budget)) {
      out.push(block);
      used += n;
      continue;
    }
    if (cut) continue;
    cut = true;
    const room = budget - used - MORE.length;
    if (block.type === 'section' && block.text && room > 200) out.push(section(clamp(block.text.text, room)));
    out.push(context(MORE));
  }
  return out;
}

/** The message with its fallback clamped: Slack truncates at 40k anyway, but a notification wants it short. */
export function message(
  text: string,
  blocks: Block[],
  maxBlocks: number = LIMITS.messageBlocks,
): SlackMessage {
  return { text: clamp(text, LIMITS.fallbackText), blocks: capBlocks(fitText(blocks), maxBlocks) };
}
