// mention and directMessage listeners with buildArgs fakes: threading, filtering, follow-ups, logging, rate limit.
import { describe, expect, it, vi } from 'vitest';
import { directMessage } from '../../../src/slack/listeners/direct-message.ts';
import { mention } from '../../../src/slack/listeners/mention.ts';
import { createRateLimiter } from '../../../src/slack/memory.ts';
import type { Store } from '../../../src/store/store.ts';
import { buildArgs, firstArg, testDeps } from '../../helpers/build-args.ts';

type MentionArgs = Parameters<ReturnType<typeof mention>>[0];
type DmArgs = Parameters<ReturnType<typeof directMessage>>[0];

const mentionEvent = (text: string, extra: Record<string, unknown> = {}) => ({
  type: 'app_mention',
  user: 'UALICE',
  text: `<@UBOT> ${text}`,
  ts: '100.1',
  channel: 'C1',
  event_ts: '100.1',
  ...extra,
});

describe('mention', () => {
  it('answers in the thread of the question and logs the question text without mentions', async () => {
    const deps = testDeps();
    const logQuestion = vi.spyOn(deps.store, 'logQuestion');
    const args = buildArgs({ event: mentionEvent('who secures the hypervisor? cc <@UBOB>') });
    await mention(deps)(args as unknown as MentionArgs);
    const post = firstArg(args.client.chat.postMessage);
    expect(post).toMatchObject({
      channel: 'C1',
      thread_ts: '100.1',
      unfurl_links: false,
      unfurl_media: false,
    });
    expect(String(post.text)).toMatch(/^AWS: Hypervisor/);
    expect(firstArg(logQuestion)).toMatchObject({
      text: 'who secures the hypervisor? cc',
      answered: true,
      topicId: 'hypervisor',
    });
  });

  it('uses the thread topic for a follow-up that names only a service', async () => {
    const deps = testDeps();
    await mention(deps)(
      buildArgs({
        event: mentionEvent('who patches the guest operating system on ec2'),
      }) as unknown as MentionArgs,
    );
    const follow = buildArgs({ event: mentionEvent('and on lambda?', { ts: '100.2', thread_ts: '100.1' }) });
    await mention(deps)(follow as unknown as MentionArgs);
    const post = firstArg(follow.client.chat.postMessage);
    expect(post.thread_ts).toBe('100.1');
    expect(String(post.text)).toMatch(/^AWS: Guest OS patching on Lambda/);
  });

  it.each([
    ['a bot', { bot_id: 'B9' }],
    ['an edit', { subtype: 'message_changed' }],
  ])('ignores %s', async (_label, extra) => {
    const args = buildArgs({ event: mentionEvent('who secures the hypervisor?', extra) });
    await mention(testDeps())(args as unknown as MentionArgs);
    expect(args.client.chat.postMessage).not.toHaveBeenCalled();
  });

  it('still answers (without feedback buttons) when the store is down', async () => {
    const store = {
      ...testDeps().store,
      logQuestion: async () => Promise.reject(new Error('disk full')),
    } as Store;
    const args = buildArgs({ event: mentionEvent('who secures the hypervisor?') });
    await mention(testDeps({ store }))(args as unknown as MentionArgs);
    const post = firstArg(args.client.chat.postMessage);
    expect(String(post.text)).toMatch(/^AWS/);
    expect(JSON.stringify(post.blocks)).not.toContain('srm_feedback');
    expect(args.logger.lines.some((l) => l.includes('disk full'))).toBe(true);
  });

  it('asks a fast asker to slow down instead of answering', async () => {
    const deps = testDeps({ limiter: createRateLimiter(1), rateLimitPerMinute: 1 });
    await mention(deps)(
      buildArgs({ event: mentionEvent('who secures the hypervisor?') }) as unknown as MentionArgs,
    );
    const second = buildArgs({ event: mentionEvent('who secures the hypervisor?') });
    await mention(deps)(second as unknown as MentionArgs);
    expect(String(firstArg(second.client.chat.postMessage).text)).toMatch(
      /^Slow down a little — I answer up to 1 questions/,
    );
  });
});

describe('directMessage', () => {
  const dm = (extra: Record<string, unknown> = {}) => ({
    type: 'message',
    channel_type: 'im',
    channel: 'D1',
    user: 'UALICE',
    text: 'who configures security groups?',
    ts: '200.1',
    ...extra,
  });

  it('answers in the DM, top level when the question was', async () => {
    const args = buildArgs({ event: dm() });
    await directMessage(testDeps())(args as unknown as DmArgs);
    const post = firstArg(args.client.chat.postMessage);
    expect(post).toMatchObject({ channel: 'D1' });
    expect(post).not.toHaveProperty('thread_ts');
    expect(String(post.text)).toMatch(/^Customer: Security groups/);
  });

  it.each([
    ['a channel message', { channel_type: 'channel' }],
    ['an edit', { subtype: 'message_changed' }],
    ['a bot message', { subtype: 'bot_message', bot_id: 'B1' }],
    ['a bot without subtype', { bot_id: 'B1' }],
  ])('ignores %s', async (_label, extra) => {
    const args = buildArgs({ event: dm(extra) });
    await directMessage(testDeps())(args as unknown as DmArgs);
    expect(args.client.chat.postMessage).not.toHaveBeenCalled();
  });
});
