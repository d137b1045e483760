// Sending helpers: respond() never throws into a listener (expired or used-up response_url), echoes never unfurl.
import type { Logger, RespondFn } from '@slack/bolt';
import type { SlackMessage } from '../blocks/mrkdwn.ts';

/** Echoed questions may contain links; never let Slack expand them. */
export const NO_UNFURL = { unfurl_links: false, unfurl_media: false } as const;

export interface RespondOptions {
  response_type?: 'in_channel' | 'ephemeral';
  replace_original?: boolean;
  delete_original?: boolean;
}

/** respond() that logs instead of throwing: a response_url lasts 30 min and 5 uses, and users click late. */
export async function safeRespond(
  respond: RespondFn,
  logger: Logger,
  msg: SlackMessage,
  options: RespondOptions = {},
): Promise<boolean> {
  try {
    await respond({ response_type: 'ephemeral', ...options, ...msg, ...NO_UNFURL });
    return true;
  } catch (error) {
    const status = (error as { statusCode?: number }).statusCode;
    logger.warn(`respond() failed${status ? ` with HTTP ${status}` : ''}: ${(error as Error).message}`);
    return false;
  }
}

/** Bot-authored or edited/joined/etc. messages are not questions. */
export function isHumanMessage<E extends { bot_id?: string; subtype?: string; user?: string }>(
  event: E,
): event is E & { subtype?: undefined; user: string } {
  return !event.bot_id && event.subtype === undefined && typeof event.user === 'string';
}
