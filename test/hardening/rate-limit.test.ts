// Per-user rate limit end to end: a flooding user is answered up to RATE_LIMIT_PER_MINUTE and told once to slow
// down, while everyone else is answered as usual; the bot never posts more than limit + 1 messages for a flood.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commandForm, sendSigned } from '../helpers/slack-request.ts';
import { type Bot, settle, startHardenedBot } from './harness.ts';
import { dmEvent, FORM, mentionEvent, sendEvent } from './requests.ts';
import { reportTally, tally } from './tally.ts';

reportTally(import.meta.filename);

const LIMIT = 3;
let clock = new Date('2026-03-02T10:00:00Z');
let bot: Bot;
beforeAll(async () => {
  bot = await startHardenedBot({ env: { RATE_LIMIT_PER_MINUTE: String(LIMIT) }, now: () => clock });
});
afterAll(async () => bot.stop());

const postsIn = (channel: string) =>
  bot.slack
    .callsTo('chat.postMessage')
    .filter((c) => c.body.channel === channel)
    .map((c) => String(c.body.text));
const answers = (texts: string[]) => texts.filter((t) => /^AWS/.test(t));
const slowDowns = (texts: string[]) => texts.filter((t) => t.startsWith('Slow down a little'));

describe('a flood of mentions from one user', () => {
  it('gets LIMIT answers and one "slow down"; another user in the same channel is answered throughout', async () => {
    const flood = Array.from({ length: 25 }, (_, i) =>
      mentionEvent('who secures the hypervisor?', {
        user: 'UFLOOD',
        channel: 'CFLOOD',
        ts: `1800001${i}.000100`,
      }),
    );
    const others = [0, 1].map((i) =>
      mentionEvent('who secures the hypervisor?', {
        user: 'UCALM',
        channel: 'CFLOOD',
        ts: `1800002${i}.000100`,
      }),
    );
    // All at once, the calm user's two questions in the middle of the flood.
    const statuses = await Promise.all(
      [...flood.slice(0, 12), ...others, ...flood.slice(12)].map((e) => sendEvent(bot, e)),
    );
    tally.faultScenarios++;
    expect(statuses.every((r) => r.status === 200)).toBe(true);
    await settle(bot.slack);

    const byUser = (user: string) =>
      bot.slack
        .callsTo('chat.postMessage')
        .filter(
          (c) =>
            c.body.channel === 'CFLOOD' &&
            String(c.body.thread_ts).startsWith(user === 'UFLOOD' ? '1800001' : '1800002'),
        )
        .map((c) => String(c.body.text));
    expect(answers(byUser('UFLOOD'))).toHaveLength(LIMIT);
    expect(slowDowns(byUser('UFLOOD'))).toHaveLength(1);
    expect(byUser('UFLOOD')).toHaveLength(LIMIT + 1); // 25 questions, 4 posts: the flood is not echoed back
    expect(answers(byUser('UCALM'))).toHaveLength(2);
    expect(postsIn('CFLOOD')).toHaveLength(LIMIT + 1 + 2);
  });

  it('a flood of DMs is treated the same, per user', async () => {
    await Promise.all(
      Array.from({ length: 10 }, () =>
        sendEvent(bot, dmEvent('who secures the hypervisor?', 'UDMFLOOD', 'DFLOOD')),
      ),
    );
    tally.faultScenarios++;
    await settle(bot.slack);
    expect(answers(postsIn('DFLOOD'))).toHaveLength(LIMIT);
    expect(slowDowns(postsIn('DFLOOD'))).toHaveLength(1);
    expect(postsIn('DFLOOD')).toHaveLength(LIMIT + 1);
  });

  it('/srm, private and explicitly asked for, gets a "slow down" for each extra question', async () => {
    const ids = Array.from({ length: 6 }, (_, i) => `flood${i}`);
    await Promise.all(
      ids.map((id) =>
        sendSigned(
          bot.url,
          commandForm({
            text: 'who secures the hypervisor?',
            response_url: bot.slack.responseUrl(id),
            user_id: 'USRM',
          }),
          FORM,
        ),
      ),
    );
    tally.faultScenarios++;
    await settle(bot.slack);
    const replies = ids.flatMap((id) => bot.slack.callsTo(`response:${id}`)).map((c) => String(c.body.text));
    expect(answers(replies)).toHaveLength(LIMIT);
    expect(slowDowns(replies)).toHaveLength(6 - LIMIT);
    expect(bot.slack.callsTo('chat.postMessage').filter((c) => c.body.channel === 'C1')).toEqual([]); // never public
  });

  it('a minute later the flooding user is answered again', async () => {
    clock = new Date(clock.getTime() + 61_000);
    await sendEvent(bot, dmEvent('who secures the hypervisor?', 'UDMFLOOD', 'DAFTER'));
    await settle(bot.slack);
    expect(answers(postsIn('DAFTER'))).toHaveLength(1);
  });
});
