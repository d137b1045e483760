// E2E across restarts: the real process (npx tsx src/main.ts) on one SQLite file, SIGKILLed mid-day, then the next day.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSqliteStore } from '../../../src/store/sqlite.ts';
import { checkBlockKitLimits } from '../../helpers/block-kit-limits.ts';
import { BOT_TOKEN } from '../../helpers/bot-harness.ts';
import { type BotProcess, startBotProcess } from '../../helpers/bot-process.ts';
import { type FakeSlack, type RecordedCall, startFakeSlack } from '../../helpers/fake-slack.ts';
import { buttonClickForm, commandForm, SIGNING_SECRET, sendSigned } from '../../helpers/slack-request.ts';

const FORM = 'application/x-www-form-urlencoded';
let slack: FakeSlack;
let dir: string;
let n = 0;

type Bot = BotProcess;

/** Starts the bot as `npm start` would, with its clock at `now`; resolves once it listens. */
function startProcess(now: string): Promise<Bot> {
  return startBotProcess({
    cwd: dir,
    env: {
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: slack.apiUrl,
      DATABASE_URL: `file:${join(dir, 'srm.db')}`,
      QUIZ_CHANNEL: 'CQUIZ',
      QUIZ_CRON: '0 9 * * *',
      QUIZ_TZ: 'UTC',
      QUIZ_ADMINS: 'UADMIN',
      SRM_TEST_NOW: now,
    },
  });
}

async function srm(bot: Bot, text: string, userId: string): Promise<RecordedCall> {
  const id = `cmd${++n}`;
  await sendSigned(
    bot.url,
    commandForm({ text, response_url: slack.responseUrl(id), user_id: userId, channel_id: 'CQUIZ' }),
    FORM,
  );
  return (await slack.waitFor(`response:${id}`, 1, 10_000))[0] as RecordedCall;
}

async function click(bot: Bot, value: string, userId: string): Promise<Response> {
  const id = `click${++n}`;
  const choice = value.split(':')[1];
  const form = buttonClickForm({
    actionId: `srm_quiz_answer:${choice}`,
    value,
    responseUrl: slack.responseUrl(id),
    userId,
    channelId: 'CQUIZ',
  });
  return sendSigned(bot.url, form, FORM);
}

beforeAll(async () => {
  slack = await startFakeSlack();
  dir = mkdtempSync(join(tmpdir(), 'srm-restart-'));
});
afterAll(async () => {
  await slack.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('restart safety (real process, SQLite file)', () => {
  it('keeps scores and posts once a day across SIGKILL; the next day reveals the old question and asks a new one', async () => {
    // Day 1, 08:00: before the 09:00 run, so only /srm quiz now posts.
    const day1 = await startProcess('2026-03-02T08:00:00Z');
    await srm(day1, 'quiz now', 'UADMIN');
    const [question] = (await slack.waitFor('chat.postMessage')) as [RecordedCall];
    expect(question.body.channel).toBe('CQUIZ');
    const quizId = JSON.stringify(question.body.blocks).match(/"value":"(\d+):AWS"/)?.[1] as string;
    expect(quizId).toMatch(/^\d+$/);

    const responses = await Promise.all(['UANN', 'UBEN', 'UCAT'].map((u) => click(day1, `${quizId}:AWS`, u)));
    expect(responses.map((r) => r.status)).toEqual([200, 200, 200]);
    // Acked means recorded: kill at once, without waiting for feedback or the counter.
    day1.child.kill('SIGKILL');
    await day1.exited();

    const check = createSqliteStore(join(dir, 'srm.db'));
    expect((await check.listAnswers({ channel: 'CQUIZ' })).map((a) => a.userId).sort()).toEqual([
      'UANN',
      'UBEN',
      'UCAT',
    ]);
    const posted = await check.getQuiz(quizId);
    await check.close();
    expect(posted?.ts).toMatch(/^\d+\.\d+$/);

    // Same day, 10:00: past the run time, so start-up would catch up — but the day is taken.
    slack.reset();
    const again = await startProcess('2026-03-02T10:00:00Z');
    const stats = await srm(again, 'stats', 'UANN');
    const expected = posted?.owner === 'AWS' ? '*1* point' : '*0* points';
    expect(JSON.stringify(stats.body.blocks)).toContain(expected);
    expect(slack.callsTo('chat.postMessage').filter((c) => c.body.channel === 'CQUIZ')).toHaveLength(0);
    again.child.kill('SIGTERM');
    expect(await again.exited()).toBe(0);

    // Next day, 10:00: catch-up reveals yesterday's message (chat.update on its ts) and posts a new question.
    slack.reset();
    const day2 = await startProcess('2026-03-03T10:00:00Z');
    const [reveal] = (await slack.waitFor('chat.update', 1, 10_000)) as [RecordedCall];
    expect(reveal.body).toMatchObject({ channel: 'CQUIZ', ts: posted?.ts });
    expect(String(reveal.body.text)).toMatch(/^Quiz answer: /);
    expect(JSON.stringify(reveal.body.blocks)).toContain('3 answered.');
    const [next] = (await slack.waitFor('chat.postMessage', 1, 10_000)) as [RecordedCall];
    expect(next.body.channel).toBe('CQUIZ');
    for (const call of slack.calls) if (call.body.blocks) expect(checkBlockKitLimits(call.body)).toEqual([]);
    day2.child.kill('SIGTERM');
    await day2.exited();
  }, 60_000);
});
