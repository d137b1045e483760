// E2E faults: Slack 429 (retried), 500 (polite reply), a failing /srm (note on response_url), rate limit, graceful stop.
import { afterEach, describe, expect, it } from 'vitest';
import { createMemoryStore } from '../../../src/store/memory.ts';
import { type Store, StoreUnavailableError } from '../../../src/store/store.ts';
import { type Harness, startBot } from '../../helpers/bot-harness.ts';
import { until } from '../../helpers/poll.ts';
import { commandForm, eventEnvelope, sendSigned } from '../../helpers/slack-request.ts';

let h: Harness | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

let ts = 1_700_001_000;
const dm = (text: string) =>
  eventEnvelope({
    type: 'message',
    channel_type: 'im',
    channel: 'D1',
    user: 'UALICE',
    text,
    ts: `${ts++}.000001`,
  });

describe('when Slack misbehaves', () => {
  it('retries a 429 after Retry-After and the reply still arrives', async () => {
    h = await startBot();
    h.slack.script('chat.postMessage', { status: 429, retryAfter: 1 });
    await sendSigned(h.url, dm('who secures the hypervisor?'), 'application/json');
    const [post] = await h.slack.waitFor('chat.postMessage', 1, 8_000);
    expect(String(post?.body.text)).toMatch(/^AWS/);
    expect(h.slack.attempts.filter((c) => c.method === 'chat.postMessage')).toHaveLength(2);
  });

  it('survives 500s: the failure is logged, the person gets a polite reply, and the next question works', async () => {
    h = await startBot();
    // Every attempt of the first reply fails (1 try + 2 retries); the error handler's apology then goes through.
    h.slack.script('chat.postMessage', { status: 500 }, { status: 500 }, { status: 500 });
    await sendSigned(h.url, dm('who secures the hypervisor?'), 'application/json');
    const [apology] = await h.slack.waitFor('chat.postMessage', 1, 8_000);
    expect(String(apology?.body.text)).toContain('something went wrong');
    expect(h.logs.some((l) => l.includes('[ERROR]'))).toBe(true);

    await sendSigned(h.url, dm('who secures the hypervisor?'), 'application/json');
    const posts = await h.slack.waitFor('chat.postMessage', 2);
    expect(String(posts[1]?.body.text)).toMatch(/^AWS/);
  });
});

describe('when a /srm listener fails', () => {
  /** `/srm practice` reads the person's answers first, so a store that throws there fails the listener. */
  const storeFailingWith = (error: Error): Store => ({
    ...createMemoryStore(),
    listAnswers: async () => {
      throw error;
    },
  });

  it.each([
    ['a bug', new Error('boom'), 'something went wrong', 'try again in a minute'],
    ['storage that is down', new StoreUnavailableError(), 'try again in a minute', 'something went wrong'],
  ])('posts a polite private note to the response_url (%s)', async (_, error, wording, notWording) => {
    h = await startBot({ store: storeFailingWith(error) });
    const form = commandForm({ text: 'practice', response_url: h.slack.responseUrl('failed') });
    const res = await sendSigned(h.url, form, 'application/x-www-form-urlencoded');
    expect(res.status).toBe(200); // acked before the listener failed
    const [note] = await h.slack.waitFor('response:failed');
    expect(note?.body).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(String(note?.body.text)).toContain(wording);
    expect(String(note?.body.text)).not.toContain(notWording);
    expect(h.logs.some((l) => l.includes(`unhandled error: ${error.message}`))).toBe(true);
    expect(h.slack.callsTo('chat.postMessage')).toEqual([]); // the note goes privately, not to the channel
  });
});

describe('per-user rate limit', () => {
  it('answers up to RATE_LIMIT_PER_MINUTE questions, then asks to slow down', async () => {
    h = await startBot({ env: { RATE_LIMIT_PER_MINUTE: '2' } });
    for (let i = 0; i < 3; i++) {
      await sendSigned(h.url, dm('who secures the hypervisor?'), 'application/json');
      await h.slack.waitFor('chat.postMessage', i + 1);
    }
    const texts = h.slack.callsTo('chat.postMessage').map((c) => String(c.body.text));
    expect(texts[0]).toMatch(/^AWS/);
    expect(texts[1]).toMatch(/^AWS/);
    expect(texts[2]).toMatch(/^Slow down a little/);
  });
});

describe('shutdown', () => {
  it('stop() waits for a reply already in flight, then closes the port', async () => {
    h = await startBot();
    h.slack.script('chat.postMessage', { delayMs: 400 });
    await sendSigned(h.url, dm('who secures the hypervisor?'), 'application/json');
    const { slack } = h;
    await until(() => slack.attempts.some((c) => c.method === 'chat.postMessage'));
    await h.bot.stop(5_000);
    expect(h.slack.callsTo('chat.postMessage')).toHaveLength(1); // finished before stop() returned
    await expect(sendSigned(h.url, dm('who secures the hypervisor?'), 'application/json')).rejects.toThrow();
  });
});
