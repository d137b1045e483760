// checkBlockKitLimits: every limit Slack enforces on a message or Home view, as a list of readable violations.

// Restated from Slack's docs on purpose, not imported from src/slack/blocks/mrkdwn.ts: a wrong limit there
// must fail here rather than be agreed with.
const MAX = {
  messageBlocks: 50,
  homeBlocks: 100,
  sectionText: 3000,
  field: 2000,
  fields: 10,
  header: 150,
  buttonText: 75,
  id: 255,
  value: 2000,
  url: 3000,
  contextElements: 10,
  actionElements: 25,
  totalChars: 13_000,
} as const;

type Json = Record<string, unknown>;
const len = (s: unknown): number => (typeof s === 'string' ? Array.from(s).length : 0);
const textOf = (t: unknown): string => ((t as Json | undefined)?.text as string | undefined) ?? '';

/** All visible text in a block tree, for the undocumented ~13k msg_blocks_too_long limit. */
function sumText(node: unknown): number {
  if (Array.isArray(node)) return node.reduce((n: number, x) => n + sumText(x), 0);
  if (node && typeof node === 'object') {
    return Object.entries(node as Json).reduce(
      (n, [k, v]) => n + (k === 'text' && typeof v === 'string' ? len(v) : sumText(v)),
      0,
    );
  }
  return 0;
}

function checkButton(el: Json, where: string, out: string[]): void {
  const label = el.text as Json | undefined;
  if (label?.type !== 'plain_text') out.push(`${where}: button text must be plain_text`);
  if (len(label?.text) > MAX.buttonText)
    out.push(`${where}: button text ${len(label?.text)} > ${MAX.buttonText}`);
  if (len(el.value) > MAX.value) out.push(`${where}: value ${len(el.value)} > ${MAX.value}`);
  if (len(el.url) > MAX.url) out.push(`${where}: url too long`);
}

function checkBlock(block: Json, i: number, out: string[]): void {
  const where = `blocks[${i}] (${String(block.type)})`;
  if (len(block.block_id) > MAX.id) out.push(`${where}: block_id > ${MAX.id}`);
  if (block.type === 'section') {
    const t = textOf(block.text);
    const fields = (block.fields as Json[] | undefined) ?? [];
    if (block.text !== undefined && (len(t) < 1 || len(t) > MAX.sectionText))
      out.push(`${where}: text length ${len(t)}`);
    if (block.text === undefined && fields.length === 0) out.push(`${where}: needs text or fields`);
    if (fields.length > MAX.fields) out.push(`${where}: ${fields.length} fields > ${MAX.fields}`);
    fields.forEach((f, j) => {
      if (len(f.text) > MAX.field) out.push(`${where}.fields[${j}]: ${len(f.text)} > ${MAX.field}`);
    });
  }
  if (block.type === 'header') {
    const t = block.text as Json;
    if (t?.type !== 'plain_text') out.push(`${where}: header text must be plain_text`);
    if (len(t?.text) > MAX.header || len(t?.text) < 1) out.push(`${where}: header length ${len(t?.text)}`);
  }
  if (block.type === 'context') {
    const els = (block.elements as Json[] | undefined) ?? [];
    if (els.length === 0 || els.length > MAX.contextElements) out.push(`${where}: ${els.length} elements`);
    els.forEach((e, j) => {
      if (len(e.text) > MAX.sectionText) out.push(`${where}.elements[${j}]: text too long`);
    });
  }
  if (block.type === 'actions') {
    const els = (block.elements as Json[] | undefined) ?? [];
    if (els.length === 0 || els.length > MAX.actionElements) out.push(`${where}: ${els.length} elements`);
    const ids = els.map((e) => e.action_id).filter((id) => id !== undefined);
    if (new Set(ids).size !== ids.length) out.push(`${where}: duplicate action_id in one block`);
    els.forEach((e, j) => {
      if (len(e.action_id) > MAX.id) out.push(`${where}.elements[${j}]: action_id > ${MAX.id}`);
      if (e.type === 'button') checkButton(e, `${where}.elements[${j}]`, out);
    });
  }
}

/** Violations in a chat.postMessage / respond() body (`text` + `blocks`) or a views.publish `view`. */
export function checkBlockKitLimits(payload: Json): string[] {
  const out: string[] = [];
  const view = payload.view as Json | undefined;
  const blocks = ((view ? view.blocks : payload.blocks) as Json[] | undefined) ?? [];
  const max = view?.type === 'home' ? MAX.homeBlocks : MAX.messageBlocks;
  if (!view && blocks.length > 0 && len(payload.text) === 0)
    out.push('message has blocks but no fallback text');
  if (blocks.length > max) out.push(`${blocks.length} blocks > ${max}`);
  for (const [i, b] of blocks.entries()) checkBlock(b, i, out);
  const ids = blocks.map((b) => b.block_id).filter((id) => id !== undefined);
  if (new Set(ids).size !== ids.length) out.push('duplicate block_id');
  if (!view && sumText(blocks) > MAX.totalChars)
    out.push(`block text ${sumText(blocks)} > ~${MAX.totalChars}`);
  return out;
}
