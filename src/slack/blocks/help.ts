// Usage, topic list and the off-scope reply: what the bot knows and how to ask it.
import type { Topic } from '../../core/types.ts';
import { COMMAND } from '../ids.ts';
import {
  type Block,
  context,
  escapeText,
  header,
  LIMITS,
  message,
  type SlackMessage,
  section,
} from './mrkdwn.ts';

/** Questions the knowledge base answers; shown in help, App Home and the off-scope reply. */
export const EXAMPLES = [
  'who patches the guest OS on EC2?',
  'who secures the hypervisor?',
  'who encrypts my data in S3?',
  'who patches the database engine on RDS?',
] as const;

export function offScopeText(): string {
  return (
    'I answer who owns what under the AWS Shared Responsibility Model — try ' +
    `_“${EXAMPLES[0]}”_, _“${EXAMPLES[2]}”_ or \`${COMMAND} topics\`.`
  );
}

export function helpMessage(): SlackMessage {
  const examples = EXAMPLES.map((q) => `• \`${COMMAND} ${q}\``).join('\n');
  const blocks: Block[] = [
    header('Is that on us, or on AWS?'),
    section(
      'I answer who owns a control under the *AWS Shared Responsibility Model*: AWS, you, or both — ' +
        'with the reason and the AWS page it rests on.',
    ),
    section(`*Ask me*\n${examples}`),
    section(
      `*More*\n• \`${COMMAND} topics\`: everything I know, by area\n` +
        `• \`${COMMAND} rds\` (any service): who owns each layer, from the data centre up to your data\n` +
        '• Mention me in a channel (`@srm-bot who rotates IAM keys?`) or send me a DM\n' +
        '• In a thread, follow up with _“and on Lambda?”_',
    ),
  ];
  return message(
    `Ask me who owns a control, e.g. "${COMMAND} ${EXAMPLES[0]}". Also: ${COMMAND} topics.`,
    blocks,
  );
}

/** Topics grouped by area, one section per area; long areas are clamped, never split across messages. */
export function topicsMessage(topics: readonly Topic[]): SlackMessage {
  const byArea = new Map<string, string[]>();
  for (const t of topics) {
    const list = byArea.get(t.area) ?? [];
    list.push(escapeText(t.title));
    byArea.set(t.area, list);
  }
  const areas = [...byArea.entries()].sort(([a], [b]) => a.localeCompare(b));
  const blocks: Block[] = [header(`What I know: ${topics.length} topics`)];
  for (const [area, titles] of areas) {
    blocks.push(
      section(`*${escapeText(area)}* (${titles.length})\n${titles.map((t) => `• ${t}`).join('\n')}`),
    );
  }
  blocks.push(
    context(
      `Ask about any of them: \`${COMMAND} <question>\`, or \`${COMMAND} <service>\` for a layer picture.`,
    ),
  );
  const summary = areas.map(([area, titles]) => `${area} (${titles.length})`).join(', ');
  return message(`I know ${topics.length} topics: ${summary}.`, blocks, LIMITS.messageBlocks);
}
