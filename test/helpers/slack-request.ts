// Signed requests as Slack sends them: v0 HMAC-SHA256 over `v0:<ts>:<raw body>`, events as JSON, the rest as forms.
import { createHmac } from 'node:crypto';

export const SIGNING_SECRET = 'test-signing-secret-0123456789';

export interface SendOptions {
  /** Seconds since the epoch; default now. */
  timestamp?: number;
  secret?: string;
  retryNum?: number;
}

export function sign(body: string, timestamp: number, secret = SIGNING_SECRET): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

export async function sendSigned(
  url: string,
  body: string,
  contentType: 'application/json' | 'application/x-www-form-urlencoded',
  options: SendOptions = {},
): Promise<Response> {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const headers: Record<string, string> = {
    'content-type': contentType,
    'x-slack-request-timestamp': String(timestamp),
    'x-slack-signature': sign(body, timestamp, options.secret),
  };
  if (options.retryNum !== undefined) {
    headers['x-slack-retry-num'] = String(options.retryNum);
    headers['x-slack-retry-reason'] = 'http_timeout';
  }
  return fetch(url, { method: 'POST', headers, body });
}

let nextEvent = 1;

/** An Events API envelope around `event`; pass `eventId` to resend the same delivery. */
export function eventEnvelope(
  event: Record<string, unknown>,
  eventId = `Ev${String(nextEvent++).padStart(8, '0')}`,
) {
  return JSON.stringify({
    token: 'legacy',
    team_id: 'T1',
    api_app_id: 'A1',
    type: 'event_callback',
    event_id: eventId,
    event_time: Math.floor(Date.now() / 1000),
    event,
  });
}

export function commandForm(fields: {
  text: string;
  response_url: string;
  user_id?: string;
  channel_id?: string;
}) {
  return new URLSearchParams({
    token: 'legacy',
    team_id: 'T1',
    team_domain: 'test',
    channel_id: fields.channel_id ?? 'C1',
    channel_name: 'general',
    user_id: fields.user_id ?? 'UALICE',
    user_name: 'alice',
    command: '/srm',
    text: fields.text,
    api_app_id: 'A1',
    response_url: fields.response_url,
    trigger_id: '1.2.3',
  }).toString();
}

/** A block_actions payload for one button click, as a form body (`payload=<json>`). */
export function buttonClickForm(click: {
  actionId: string;
  value: string;
  responseUrl: string;
  userId?: string;
  /** The channel the clicked message is in; default C1. A daily quiz only counts clicks from its own channel. */
  channelId?: string;
  ephemeral?: boolean;
  threadTs?: string;
}) {
  const channelId = click.channelId ?? 'C1';
  const payload = {
    type: 'block_actions',
    team: { id: 'T1', domain: 'test' },
    user: { id: click.userId ?? 'UALICE', username: 'alice', team_id: 'T1' },
    api_app_id: 'A1',
    token: 'legacy',
    container: {
      type: 'message',
      message_ts: '1700000000.000100',
      channel_id: channelId,
      is_ephemeral: !!click.ephemeral,
    },
    trigger_id: '1.2.3',
    channel: { id: channelId, name: 'general' },
    message: click.ephemeral ? undefined : { ts: '1700000000.000100', thread_ts: click.threadTs, text: 'x' },
    response_url: click.responseUrl,
    actions: [
      {
        type: 'button',
        action_id: click.actionId,
        block_id: 'b1',
        text: { type: 'plain_text', text: 'x' },
        value: click.value,
        action_ts: '1700000001.000200',
      },
    ],
  };
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}
