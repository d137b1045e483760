// Finds user text that would come out live in Slack: a control sequence (<!channel>, <@U…>, links) or unbroken styling.

/**
 * Hostile strings users type. Every one carries EVIL (or is a broadcast), so a live copy in the output can only have
 * come from user text: the knowledge base and the bot's own wording never contain it.
 */
export const INJECTIONS = [
  '<!channel>',
  '<!here>',
  '<!everyone>',
  '<!subteam^SEVIL1>',
  '<!subteam^SEVIL2|@admins>',
  '<@UEVIL1>',
  '<@UEVIL2|boss>',
  '<#CEVIL1>',
  '<https://evil.example/login|trusted>',
  '<mailto:evil@evil.example|support>',
  '<!date^1392734382^EVIL {date}|x>',
  '*EVILBOLD*',
  '_EVILITALIC_',
  '~EVILSTRIKE~',
  '`EVILCODE`',
  '```EVILBLOCK```',
  '\n> EVILQUOTE',
  '&lt;!channel&gt;',
  '<<!here>>',
] as const;

/** Every string Slack parses as mrkdwn in a message or view: mrkdwn text objects and the fallback `text`. */
export function renderedTexts(payload: unknown): string[] {
  const out: string[] = [];
  const top = payload as { text?: unknown };
  if (typeof top?.text === 'string') out.push(top.text); // notification fallback: Slack parses its <…> too
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const child of node) walk(child);
      return;
    }
    if (!node || typeof node !== 'object') return;
    const o = node as Record<string, unknown>;
    if (o.type === 'mrkdwn' && typeof o.text === 'string') out.push(o.text);
    for (const [key, value] of Object.entries(o))
      if (key !== 'text' || typeof value !== 'string') walk(value);
  };
  walk((payload as { blocks?: unknown })?.blocks);
  walk((payload as { view?: unknown })?.view);
  return out;
}

/** Slack control sequences `<…>` in a mrkdwn string. */
export const controlSequences = (text: string): string[] => text.match(/<[^<>]*>/g) ?? [];

const BROADCAST = /^<!(channel|here|everyone|subteam\^|date\^)/;
/** A styling marker right before or after user text, without the zero-width space that breaks it. */
const LIVE_STYLE = /[*_~`]EVIL|EVIL[A-Z0-9]*[*_~`](?!\u200B)/;
/** A line of user text starting a block quote. */
const LIVE_QUOTE = /(^|\n)>\s*EVIL/;

/** The live echoes of user text in one payload: each is a problem, so a safe payload gives []. */
export function liveEchoes(payload: unknown): string[] {
  const found: string[] = [];
  for (const text of renderedTexts(payload)) {
    for (const seq of controlSequences(text))
      if (BROADCAST.test(seq) || /evil/i.test(seq)) found.push(`control sequence ${seq}`);
    const style = LIVE_STYLE.exec(text);
    if (style) found.push(`styling ${JSON.stringify(style[0])}`);
    if (LIVE_QUOTE.test(text)) found.push('block quote');
  }
  return found;
}

/**
 * What markup a payload carries, independent of where: its control sequences, its unbroken styling markers and its
 * line breaks. The same message built for a harmless question and for a hostile one must have equal profiles.
 */
export function markupProfile(payload: unknown): { sequences: string[]; markers: number; lines: number } {
  const texts = renderedTexts(payload);
  return {
    sequences: texts.flatMap(controlSequences).sort(),
    markers: texts.reduce((n, t) => n + (t.match(/[*_~`](?!\u200B)/g) ?? []).length, 0),
    lines: texts.reduce((n, t) => n + t.split('\n').length, 0),
  };
}
