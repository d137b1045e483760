// The in-process bot (test/helpers/bot-harness.ts) as hardening runs it, and its probes: settled, still answering.
import { BOT_TOKEN, type Harness, type StartOptions, startBot } from '../helpers/bot-harness.ts';
import type { FakeSlack } from '../helpers/fake-slack.ts';
import { poll } from '../helpers/poll.ts';
import { SIGNING_SECRET } from '../helpers/slack-request.ts';
import { dmEvent, sendEvent } from './requests.ts';

/**
 * What a leak of the test token or signing secret would contain: each without its first five characters, so a full
 * copy, a cut one and one whose `xoxb-` was rewritten are all found (and each leak is counted once).
 */
export const SECRETS = [BOT_TOKEN.slice(5), SIGNING_SECRET.slice(5)] as const;

/** The in-process bot the hardening files run against. */
export type Bot = Harness;

/** Fault tests want failures in milliseconds: 3 tries (1 + 2 retries), 300 ms each at most. */
export const FAST_WEB_API: NonNullable<StartOptions['webApi']> = {
  timeoutMs: 300,
  retryConfig: { retries: 2, factor: 2, minTimeout: 20, maxTimeout: 50 },
};

/** startBot, pinned to debug, the most verbose level: the secret scan sees everything the bot could ever print. */
export const startHardenedBot = (options: StartOptions = {}): Promise<Bot> =>
  startBot({ ...options, env: { LOG_LEVEL: 'debug', ...options.env } });

/** Waits until nothing new reaches the fake Slack for `quietMs` (replies to acked events arrive after the 200). */
export async function settle(slack: FakeSlack, quietMs = 150, maxMs = 5_000): Promise<void> {
  const deadline = Date.now() + maxMs;
  let seen = -1;
  while (Date.now() < deadline) {
    if (slack.attempts.length === seen) return;
    seen = slack.attempts.length;
    await new Promise((r) => setTimeout(r, quietMs));
  }
}

/** The first reply posted in `channel`, or undefined when none came within `timeoutMs`. */
export const replyIn = (slack: FakeSlack, channel: string, timeoutMs = 5_000) =>
  poll(() => slack.callsTo('chat.postMessage').find((c) => c.body.channel === channel), timeoutMs);

let probes = 0;
/** Is the bot alive? A fresh user asks a known question in a fresh DM and must get the right answer. */
export async function answersNextQuestion(bot: Bot, timeoutMs = 5_000): Promise<boolean> {
  const channel = `DPROBE${++probes}`;
  await sendEvent(bot, dmEvent('who secures the hypervisor?', `UPROBE${probes}`, channel));
  const reply = await replyIn(bot.slack, channel, timeoutMs);
  return reply !== undefined && /^AWS/.test(String(reply.body.text));
}
