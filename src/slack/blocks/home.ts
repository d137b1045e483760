// App Home tab: what the bot is, how to ask, examples, the layer picture, and room for the quiz's sections.
import type { StackLayer } from '../../core/service-stack.ts';
import type { Service } from '../../core/types.ts';
import { COMMAND } from '../ids.ts';
import { EXAMPLES } from './help.ts';
import { type Block, capBlocks, context, divider, escapeText, header, LIMITS, section } from './mrkdwn.ts';
import { BADGES, legend } from './owner-badge.ts';

export interface StackColumn {
  service: Service;
  layers: readonly StackLayer[];
}

export interface HomeView {
  type: 'home';
  blocks: Block[];
}

/** Layers as rows, services as columns of squares: the classic diagram, readable on a phone. */
export function layerPicture(columns: readonly StackColumn[]): string {
  const first = columns[0];
  if (!first) return '';
  const head = `\`${'layer'.padEnd(24)}\` ${columns.map((c) => escapeText(c.service.short)).join(' · ')}`;
  const rows = [...first.layers].reverse().map((layer) => {
    const squares = columns.map((c) => {
      const owner = c.layers.find((l) => l.id === layer.id)?.owner;
      return owner ? BADGES[owner].emoji : ':white_square:';
    });
    return `\`${layer.label.slice(0, 24).padEnd(24)}\` ${squares.join(' ')}`;
  });
  return [head, ...rows].join('\n');
}

/** `extra`: sections another feature adds (the quiz's leaderboard and stats), placed before the footer. */
export function homeView(columns: readonly StackColumn[], extra: readonly Block[] = []): HomeView {
  const blocks: Block[] = [
    header('srm-bot: is that on us, or on AWS?'),
    section(
      'I answer who owns a security or operations control under the *AWS Shared Responsibility Model* — ' +
        'AWS, you (the customer), or both — with the reason and the AWS documentation page it rests on.',
    ),
    divider(),
    section(
      '*How to ask*\n' +
        '• Mention me in a channel: `@srm-bot who patches the guest OS on EC2?` — I reply in the thread\n' +
        '• Send me a DM in the Messages tab\n' +
        `• \`${COMMAND} <question>\` anywhere: a private answer you can share\n` +
        `• \`${COMMAND} topics\` for everything I know; \`${COMMAND} lambda\` (any service) for its layers\n` +
        '• In a thread, follow up with _“and on Lambda?”_',
    ),
    section(`*Try*\n${EXAMPLES.map((q) => `• _${q}_`).join('\n')}`),
    divider(),
    section(`*Who owns each layer*\n${layerPicture(columns)}`),
    context(legend()),
  ];
  if (extra.length > 0) blocks.push(divider(), ...extra);
  blocks.push(
    context(`Answers come from AWS documentation; a :thumbsdown: on an answer tells us what to fix.`),
  );
  return { type: 'home', blocks: capBlocks(blocks, LIMITS.homeBlocks) };
}
