// Signed requests as Slack sends them to the bot: events, /srm, button clicks (from any channel), one-off posts.
import { request } from 'node:http';
import type { FakeSlack, RecordedCall } from '../helpers/fake-slack.ts';
import { buttonClickForm, commandForm, eventEnvelope, sendSigned, sign } from '../helpers/slack-request.ts';

export const FORM = 'application/x-www-form-urlencoded';

/** What the helpers need of a running bot: its endpoint and the fake Slack it talks to. */
export interface Target {
  url: string;
  slack: FakeSlack;
}

let seq = 0;
const nextTs = () => `${1_800_000_000 + ++seq}.000100`;

export const dmEvent = (
  text: string,
  user = 'UALICE',
  channel = 'D1',
  extra: Record<string, unknown> = {},
) => ({
  type: 'message',
  channel_type: 'im',
  channel,
  user,
  text,
  ts: nextTs(),
  ...extra,
});

export const mentionEvent = (text: string, extra: Record<string, unknown> = {}) => ({
  type: 'app_mention',
  user: 'UALICE',
  text: `<@UBOT> ${text}`,
  ts: nextTs(),
  channel: 'C1',
  ...extra,
});

export const sendEvent = (bot: Pick<Target, 'url'>, event: Record<string, unknown>) =>
  sendSigned(bot.url, eventEnvelope(event), 'application/json');

/** /srm <text>; resolves with the HTTP status and the reply posted to its response_url. */
export async function srm(
  bot: Target,
  text: string,
  user = 'UALICE',
  channel = 'C1',
): Promise<{ status: number; reply: RecordedCall }> {
  const id = `cmd${++seq}`;
  const form = commandForm({
    text,
    response_url: bot.slack.responseUrl(id),
    user_id: user,
    channel_id: channel,
  });
  const res = await sendSigned(bot.url, form, FORM);
  const [reply] = await bot.slack.waitFor(`response:${id}`);
  return { status: res.status, reply: reply as RecordedCall };
}

export interface Click {
  actionId: string;
  value: string;
  user?: string;
  channel?: string;
  ephemeral?: boolean;
  threadTs?: string;
}

/** A block_actions form for one button, in this suite's shorter terms. */
export function clickForm(click: Click, responseUrl: string): string {
  const { user: userId, channel: channelId, ...rest } = click;
  return buttonClickForm({ ...rest, userId, channelId, responseUrl });
}

/** Sends a click; resolves with the HTTP status and the response_url id its replies go to. */
export async function click(bot: Target, c: Click): Promise<{ status: number; id: string }> {
  const id = `click${++seq}`;
  const res = await sendSigned(bot.url, clickForm(c, bot.slack.responseUrl(id)), FORM);
  return { status: res.status, id };
}

/** Buttons of a recorded message. */
export type Button = { action_id: string; value: string };
export const buttonsOf = (call: RecordedCall | undefined): Button[] =>
  ((call?.body.blocks as { type: string; elements?: Button[] }[] | undefined) ?? [])
    .filter((b) => b.type === 'actions')
    .flatMap((b) => b.elements ?? []);

/**
 * A signed POST on a connection of its own (no keep-alive): a server that refuses a huge body closes the socket
 * mid-upload, which must not poison the pooled connection the next request would reuse. Resolves with the status,
 * or 0 when no answer came within `timeoutMs`.
 */
export function postOnce(url: string, body: string, type: string, timeoutMs = 10_000): Promise<number> {
  const ts = Math.floor(Date.now() / 1000);
  return new Promise((resolve) => {
    const req = request(
      url,
      {
        method: 'POST',
        agent: false,
        headers: {
          'content-type': type,
          'x-slack-request-timestamp': String(ts),
          'x-slack-signature': sign(body, ts),
        },
        timeout: timeoutMs,
      },
      (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      },
    );
    req.on('timeout', () => {
      req.destroy();
      resolve(0);
    });
    req.on('error', () => resolve(0));
    req.end(body);
  });
}
