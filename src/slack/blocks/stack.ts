// A service's responsibility stack as Block Kit: top layer (your data) first, as people read a diagram.
import type { StackLayer } from '../../core/service-stack.ts';
import type { Service } from '../../core/types.ts';
import { COMMAND } from '../ids.ts';
import { context, escapeText, header, message, type SlackMessage, section } from './mrkdwn.ts';
import { BADGES, legend } from './owner-badge.ts';

const CATEGORY: Record<Service['category'], string> = {
  infrastructure: 'an infrastructure service: you run the OS and everything above it',
  container: 'a container (managed) service: AWS runs the OS and platform, you configure them',
  abstracted: 'an abstracted service: AWS runs everything up to the endpoint; data and access are yours',
};

/** One line per layer: `🟦 *Guest operating system*: Customer — note`. */
export function stackLines(layers: readonly StackLayer[]): string {
  return [...layers]
    .reverse()
    .map(
      (l) => `${BADGES[l.owner].emoji} *${l.label}*: ${l.owner}${l.note ? ` — ${escapeText(l.note)}` : ''}`,
    )
    .join('\n');
}

export function stackMessage(service: Service, layers: readonly StackLayer[]): SlackMessage {
  const blocks = [
    header(`Who owns what on ${service.short}`),
    section(`*${escapeText(service.name)}* is ${CATEGORY[service.category]}.`),
    section(stackLines(layers)),
    context(legend()),
    context(`Ask about one control: \`${COMMAND} who patches the OS on ${escapeText(service.short)}?\``),
  ];
  const text = layers.map((l) => `${l.label}: ${l.owner}`).join('; ');
  return message(`${service.short} responsibility stack — ${text}`, blocks);
}
