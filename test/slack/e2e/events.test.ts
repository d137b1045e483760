// E2E: signed Events API deliveries to the real app → what it posts to the fake Slack; signature and retry rules.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { checkBlockKitLimits } from '../../helpers/block-kit-limits.ts';
import { BOT_TOKEN, type Harness, startBot } from '../../helpers/bot-harness.ts';
import { eventEnvelope, SIGNING_SECRET, sendSigned } from '../../helpers/slack-request.ts';

let h: Harness;
beforeAll(async () => {
  h = await startBot();
});
afterAll(async () => h.stop());
beforeEach(() => h.slack.reset());

const sendEvent = (event: Record<string, unknown>, eventId?: string, retryNum?: number) =>
  sendSigned(h.url, eventEnvelope(event, eventId), 'application/json', { retryNum });

const mention = (text: string, extra: Record<string, unknown> = {}) => ({
  type: 'app_mention',
  user: 'UALICE',
  text: `<@UBOT> ${text}`,
  ts: `${Date.now() / 1000}`,
  channel: 'C1',
  event_ts: '1.1',
  ...extra,
});

const settle = () => new Promise((r) => setTimeout(r, 150));

describe('Events API over HTTP', () => {
  it('answers url_verification with the challenge', async () => {
    const body = JSON.stringify({ type: 'url_verification', challenge: 'c-123', token: 'legacy' });
    const res = await sendSigned(h.url, body, 'application/json');
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('c-123');
  });

  it('answers an app_mention in the thread of the question, escaped and within Block Kit limits', async () => {
    const res = await sendEvent(
      mention('who patches the guest OS on EC2? <!channel>', { ts: '1700000000.000001' }),
    );
    expect(res.status).toBe(200);
    const [post] = await h.slack.waitFor('chat.postMessage');
    expect(post?.body).toMatchObject({
      channel: 'C1',
      thread_ts: '1700000000.000001',
      unfurl_links: 'false',
    });
    expect(String(post?.body.text)).toMatch(/^Customer/);
    expect(JSON.stringify(post?.body.blocks)).not.toContain('<!channel>');
    expect(checkBlockKitLimits(post?.body ?? {})).toEqual([]);
  });

  it('answers a follow-up in the same thread with the thread topic and the new service', async () => {
    await sendEvent(mention('who patches the guest OS on EC2?', { ts: '1700000100.000001' }));
    await h.slack.waitFor('chat.postMessage');
    await sendEvent(mention('and on Lambda?', { ts: '1700000101.000001', thread_ts: '1700000100.000001' }));
    const posts = await h.slack.waitFor('chat.postMessage', 2);
    expect(posts[1]?.body.thread_ts).toBe('1700000100.000001');
    expect(String(posts[1]?.body.text)).toMatch(/^AWS: Guest OS patching on Lambda/);
  });

  it('answers a DM in the DM', async () => {
    await sendEvent({
      type: 'message',
      channel_type: 'im',
      channel: 'D1',
      user: 'UALICE',
      text: 'who secures the hypervisor?',
      ts: '1.5',
    });
    const [post] = await h.slack.waitFor('chat.postMessage');
    expect(post?.body).toMatchObject({ channel: 'D1' });
    expect(String(post?.body.text)).toMatch(/^AWS/);
    expect(checkBlockKitLimits(post?.body ?? {})).toEqual([]);
  });

  it('ignores edits, joins, bot messages and its own messages', async () => {
    const dm = {
      type: 'message',
      channel_type: 'im',
      channel: 'D1',
      text: 'who secures the hypervisor?',
      ts: '1.6',
    };
    await sendEvent({ ...dm, subtype: 'message_changed', user: 'UALICE' });
    await sendEvent({ ...dm, subtype: 'channel_join', user: 'UALICE' });
    await sendEvent({ ...dm, user: 'UOTHER', bot_id: 'BOTHER' });
    await sendEvent({ ...dm, user: 'UBOT', bot_id: 'BBOT' });
    await sendEvent(mention('who secures the hypervisor?', { bot_id: 'BOTHER' }));
    await settle();
    expect(h.slack.callsTo('chat.postMessage')).toEqual([]);
  });

  it('answers a retried delivery (X-Slack-Retry-Num, same event_id) once', async () => {
    const event = mention('who secures the hypervisor?');
    await sendEvent(event, 'EvRETRY1');
    await sendEvent(event, 'EvRETRY1', 1);
    await sendEvent(event, 'EvRETRY1', 2);
    await h.slack.waitFor('chat.postMessage');
    await settle();
    expect(h.slack.callsTo('chat.postMessage')).toHaveLength(1);
  });

  it('rejects a bad signature and a stale timestamp with 401 and posts nothing', async () => {
    const body = eventEnvelope(mention('who secures the hypervisor?'));
    const bad = await sendSigned(h.url, body, 'application/json', { secret: 'not-the-secret' });
    const stale = await sendSigned(h.url, body, 'application/json', {
      timestamp: Math.floor(Date.now() / 1000) - 6 * 60,
    });
    expect([bad.status, stale.status]).toEqual([401, 401]);
    await settle();
    expect(h.slack.calls.filter((c) => c.method !== 'auth.test')).toEqual([]);
  });

  it('publishes the Home tab on app_home_opened (home tab only)', async () => {
    await sendEvent({
      type: 'app_home_opened',
      user: 'UALICE',
      channel: 'D1',
      tab: 'messages',
      event_ts: '1.1',
    });
    await sendEvent({ type: 'app_home_opened', user: 'UALICE', channel: 'D1', tab: 'home', event_ts: '1.2' });
    const [publish] = await h.slack.waitFor('views.publish');
    await settle();
    expect(h.slack.callsTo('views.publish')).toHaveLength(1);
    expect(publish?.body.user_id).toBe('UALICE');
    expect(publish?.body.view).toMatchObject({ type: 'home' });
    expect(JSON.stringify(publish?.body.view)).toContain('Who owns each layer');
    expect(checkBlockKitLimits(publish?.body ?? {})).toEqual([]);
  });

  it('never logs the bot token or the signing secret', () => {
    const all = h.logs.join('\n');
    expect(h.logs.length).toBeGreaterThan(0);
    expect(all).not.toContain(BOT_TOKEN);
    expect(all).not.toContain(SIGNING_SECRET);
  });
});
