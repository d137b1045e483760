// The global app.error handler: log the fault, then tell the person something went wrong where a reply is possible.
import type { App, Logger } from '@slack/bolt';
import { StoreUnavailableError } from '../store/store.ts';
import { errorMessage } from './blocks/feedback.ts';

interface ReplyTarget {
  response_url?: string;
  event?: { type?: string; channel?: string; ts?: string; thread_ts?: string; channel_type?: string };
}

const isUnavailable = (error: unknown): boolean => {
  // Bolt hands over an uncoded listener error wrapped in UnknownError (`original`), several in `originals`.
  const { original, originals } = error as { original?: unknown; originals?: unknown[] };
  return (originals ?? [original ?? error]).some((e) => e instanceof StoreUnavailableError);
};

/** The part of Bolt's extended error arguments used here. */
interface ErrorArgs {
  error: Error;
  logger: Logger;
  body?: unknown;
}

export function createErrorHandler(client: App['client']) {
  return async ({ error, logger, body }: ErrorArgs): Promise<void> => {
    logger.error(`unhandled error: ${error.message}`, (error as { code?: string }).code ?? '');
    const target = (body ?? {}) as ReplyTarget;
    const msg = errorMessage(isUnavailable(error));
    try {
      if (target.response_url) {
        // respond() is not available here; response_url takes the same JSON, ephemeral by default.
        await fetch(target.response_url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ response_type: 'ephemeral', replace_original: false, ...msg }),
          signal: AbortSignal.timeout(5_000),
        });
      } else if (
        target.event?.channel &&
        (target.event.type === 'app_mention' || target.event.channel_type === 'im')
      ) {
        const thread =
          target.event.thread_ts ?? (target.event.type === 'app_mention' ? target.event.ts : undefined);
        await client.chat.postMessage({ channel: target.event.channel, thread_ts: thread, ...msg });
      }
    } catch (replyError) {
      logger.warn(`could not send the error reply: ${(replyError as Error).message}`);
    }
  };
}
