// Slack-side runtime pieces: rate limiter, thread memory, token-redacting logger, and the app.error reply.
import { LogLevel } from '@slack/bolt';
import { describe, expect, it, vi } from 'vitest';
import { createErrorHandler } from '../../src/slack/error-handler.ts';
import { createLogger } from '../../src/slack/logger.ts';
import { createRateLimiter, createThreadTopics } from '../../src/slack/memory.ts';
import { StoreUnavailableError } from '../../src/store/store.ts';
import { fakeLogger, firstArg } from '../helpers/build-args.ts';

describe('createRateLimiter', () => {
  it('allows N a minute per user, then says how long to wait; the window slides', () => {
    const limiter = createRateLimiter(2);
    expect(limiter.check('U1', 0)).toBe(0);
    expect(limiter.check('U1', 10_000)).toBe(0);
    expect(limiter.check('U1', 20_000)).toBe(40);
    expect(limiter.check('U2', 20_000)).toBe(0); // per user
    expect(limiter.check('U1', 60_001)).toBe(0); // the first question left the window
  });

  it('stays bounded in users', () => {
    const limiter = createRateLimiter(1, 60_000, 3);
    for (const u of ['A', 'B', 'C', 'D']) limiter.check(u, 0);
    expect(limiter.check('A', 1)).toBe(0); // A was evicted, so it starts afresh
  });
});

describe('createThreadTopics', () => {
  it('remembers the last topic per thread and evicts the least recently used', () => {
    const threads = createThreadTopics(2);
    threads.set('a', 't1');
    threads.set('b', 't2');
    threads.get('a');
    threads.set('c', 't3');
    expect([threads.get('a'), threads.get('b'), threads.get('c')]).toEqual(['t1', undefined, 't3']);
  });
});

describe('createLogger', () => {
  it('redacts the configured secrets and any Slack token shape, and respects the level', () => {
    const lines: string[] = [];
    const logger = createLogger(LogLevel.INFO, ['sign-secret-123'], (_l, line) => void lines.push(line));
    logger.debug('hidden');
    logger.info('token xoxb-123-456-abc and xapp-1-A1-xyz', { secret: 'sign-secret-123' });
    logger.error(new Error('bad xoxp-9-9'));
    expect(lines).toEqual([
      '[INFO] srm-bot token xoxb-[redacted] and xapp-[redacted] {"secret":"[redacted]"}',
      '[ERROR] srm-bot Error: bad xoxp-[redacted]',
    ]);
  });
});

describe('createErrorHandler', () => {
  const client = () => ({ chat: { postMessage: vi.fn(async (_a: unknown) => ({ ok: true })) } });

  it('apologises in the thread of a failed mention', async () => {
    const c = client();
    const logger = fakeLogger();
    await createErrorHandler(c as never)({
      error: new Error('boom'),
      logger,
      body: { event: { type: 'app_mention', channel: 'C1', ts: '9.9' } },
    });
    expect(firstArg(c.chat.postMessage)).toMatchObject({ channel: 'C1', thread_ts: '9.9' });
    expect(String(firstArg(c.chat.postMessage).text)).toContain('something went wrong');
    expect(logger.lines[0]).toContain('unhandled error: boom');
  });

  it('says "try again in a minute" when storage is down', async () => {
    const c = client();
    await createErrorHandler(c as never)({
      error: new StoreUnavailableError(),
      logger: fakeLogger(),
      body: { event: { type: 'message', channel_type: 'im', channel: 'D1', ts: '1.1' } },
    });
    expect(String(firstArg(c.chat.postMessage).text)).toContain('try again in a minute');
  });

  it('does not reply to events it cannot answer (App Home), and never throws', async () => {
    const c = client();
    c.chat.postMessage.mockRejectedValue(new Error('down'));
    const handler = createErrorHandler(c as never);
    await handler({
      error: new Error('x'),
      logger: fakeLogger(),
      body: { event: { type: 'app_home_opened', user: 'U1' } },
    });
    expect(c.chat.postMessage).not.toHaveBeenCalled();
    const logger = fakeLogger();
    await handler({
      error: new Error('x'),
      logger,
      body: { event: { type: 'app_mention', channel: 'C1', ts: '1' } },
    });
    expect(logger.lines.some((l) => l.includes('could not send the error reply: down'))).toBe(true);
  });
});
