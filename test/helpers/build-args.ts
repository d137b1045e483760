// Listener fakes (the starter template's buildArgs): ack, respond, client and logger that record what they get.
import type { Logger } from '@slack/bolt';
import { vi } from 'vitest';
import { createEngine } from '../../src/core/engine.ts';
import type { Engine } from '../../src/core/types.ts';
import type { ListenerDeps } from '../../src/slack/listeners/deps.ts';
import { createRateLimiter, createThreadTopics } from '../../src/slack/memory.ts';
import { createMemoryStore } from '../../src/store/memory.ts';
import { miniKb } from '../fixtures/kb-mini/kb.ts';

export interface FakeLogger extends Logger {
  lines: string[];
}

export function fakeLogger(): FakeLogger {
  const lines: string[] = [];
  const log =
    (level: string) =>
    (...parts: unknown[]) =>
      void lines.push(`${level} ${parts.map(String).join(' ')}`);
  return {
    lines,
    debug: log('debug'),
    info: log('info'),
    warn: log('warn'),
    error: log('error'),
    setLevel: () => {},
    getLevel: () => 'info' as never,
    setName: () => {},
  };
}

export const testEngine = (): Engine => createEngine(miniKb);

export function testDeps(overrides: Partial<ListenerDeps> = {}): ListenerDeps {
  return {
    engine: testEngine(),
    store: createMemoryStore(),
    limiter: createRateLimiter(100),
    threads: createThreadTopics(),
    rateLimitPerMinute: 100,
    now: () => new Date('2025-06-02T09:00:00Z'),
    ...overrides,
  };
}

/** The middleware arguments a listener reads; cast at the call site to the listener's exact parameter type. */
export function buildArgs(extra: Record<string, unknown> = {}) {
  const ack = vi.fn(async () => {});
  const respond = vi.fn(async (_msg: unknown) => new Response('ok'));
  const client = {
    chat: { postMessage: vi.fn(async (_args: unknown) => ({ ok: true, ts: '1.2' })) },
    views: { publish: vi.fn(async (_args: unknown) => ({ ok: true })) },
  };
  const logger = fakeLogger();
  return { ack, respond, client, logger, say: vi.fn(), context: {}, next: vi.fn(), ...extra };
}

/** The one argument of the first call to a recorded fake. */
export function firstArg<T = Record<string, unknown>>(fn: { mock: { calls: unknown[][] } }): T {
  const call = fn.mock.calls[0];
  if (!call) throw new Error('expected the fake to have been called');
  return call[0] as T;
}
