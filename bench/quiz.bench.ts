// Bench: 1,000 signed quiz clicks from 200 users against the real app process (HTTP, loopback, SQLite file).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OWNERS } from '../src/core/types.ts';
import { ACTIONS, actionId } from '../src/slack/ids.ts';
import { createSqliteStore } from '../src/store/sqlite.ts';
import { BOT_TOKEN } from '../test/helpers/bot-harness.ts';
import { type BotProcess, startBotProcess } from '../test/helpers/bot-process.ts';
import { type FakeSlack, startFakeSlack } from '../test/helpers/fake-slack.ts';
import { buttonClickForm, SIGNING_SECRET, sendSigned } from '../test/helpers/slack-request.ts';

const USERS = 200;
const CLICKS = 1_000;
const QUIZZES = CLICKS / USERS; // every user answers each of 5 daily questions once
/** Clicks in flight: a busy morning (the target applies), then a burst of everyone at once (for information). */
const LOADS = [
  { name: 'steady', concurrency: 4 },
  { name: 'burst', concurrency: 10 },
] as const;
const TARGET_P99_MS = 50;

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;

/** Five posted daily questions, written before the bot starts so the bench measures clicks only. */
async function seed(db: string, count: number): Promise<string[]> {
  const store = createSqliteStore(db);
  const ids: string[] = [];
  for (let day = 0; day < count; day++) {
    const question = { topicId: 'guest-os-patching', serviceId: 'ec2', owner: 'Customer' as const };
    const quiz = await store.claimPost(
      'CBENCH',
      `2026-03-${String(day + 2).padStart(2, '0')}`,
      question,
      new Date(),
    );
    if (!quiz) throw new Error('could not seed the bench quizzes');
    await store.updateQuiz(quiz.id, { ts: `1700000${day}.000100` });
    ids.push(quiz.id);
  }
  await store.close();
  return ids;
}

interface LoadResult {
  quizIds: string[];
  latencies: number[];
  seconds: number;
}

/** CLICKS signed clicks, `concurrency` in flight; latency = click sent → response_url post received by the fake. */
async function clickLoad(
  url: string,
  slack: FakeSlack,
  quizIds: string[],
  concurrency: number,
  tag: string,
): Promise<LoadResult> {
  const latencies: number[] = [];
  let next = 0;
  const worker = async () => {
    while (next < CLICKS) {
      const i = next++;
      const choice = OWNERS[i % 3] ?? 'AWS';
      const id = `${tag}${i}`;
      const form = buttonClickForm({
        actionId: actionId(ACTIONS.quizAnswer, choice),
        value: `${quizIds[Math.floor(i / USERS)]}:${choice}`,
        responseUrl: slack.responseUrl(id),
        userId: `U${String(i % USERS).padStart(4, '0')}`,
      });
      const start = Date.now();
      const res = await sendSigned(url, form, 'application/x-www-form-urlencoded');
      if (res.status !== 200) throw new Error(`click ${i}: HTTP ${res.status}`);
      const [feedback] = await slack.waitFor(`response:${id}`, 1, 10_000);
      latencies.push((feedback?.at ?? start) - start);
    }
  };
  const began = Date.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { quizIds, latencies: latencies.sort((a, b) => a - b), seconds: (Date.now() - began) / 1000 };
}

export async function run(): Promise<
  Record<string, { clicks: number; recorded: number; p50Ms: number; p99Ms: number }>
> {
  const dir = mkdtempSync(join(tmpdir(), 'srm-quiz-bench-'));
  const db = join(dir, 'bench.db');
  const slack = await startFakeSlack();
  const quizIds = await seed(db, QUIZZES * LOADS.length);
  let bot: BotProcess | undefined;
  try {
    // Its own process, as in production: the bench's client and fake Slack do not share its event loop.
    bot = await startBotProcess({
      cwd: dir,
      env: {
        SLACK_BOT_TOKEN: BOT_TOKEN,
        SLACK_SIGNING_SECRET: SIGNING_SECRET,
        SLACK_API_URL: slack.apiUrl,
        DATABASE_URL: `file:${db}`,
      },
    });
    const results: LoadResult[] = [];
    for (const [k, load] of LOADS.entries()) {
      const ids = quizIds.slice(k * QUIZZES, (k + 1) * QUIZZES);
      results.push(await clickLoad(bot.url, slack, ids, load.concurrency, load.name));
    }
    bot.child.kill('SIGTERM');
    await bot.exited();

    // Counted from the database file after the process exited: what Slack was told is what was kept.
    const store = createSqliteStore(db);
    const answers = await store.listAnswers({ channel: 'CBENCH' });
    await store.close();
    const summary: Awaited<ReturnType<typeof run>> = {};
    console.log(
      `store: SQLite file (WAL, synchronous=FULL); bot in its own process; ${slack.callsTo('chat.update').length} counter chat.update calls in all (coalesced)`,
    );
    for (const [k, load] of LOADS.entries()) {
      const { latencies, seconds, quizIds: ids } = results[k] as LoadResult;
      const mine = answers.filter((a) => ids.includes(a.quizId));
      const unique = new Set(mine.map((a) => `${a.quizId}:${a.userId}`)).size;
      const once = mine.length === CLICKS && unique === CLICKS;
      const row = {
        clicks: CLICKS,
        recorded: mine.length,
        p50Ms: percentile(latencies, 50),
        p99Ms: percentile(latencies, 99),
      };
      summary[load.name] = row;
      const verdict =
        load.name === 'steady' ? (row.p99Ms < TARGET_P99_MS ? 'met' : 'MISSED') : 'information only';
      console.log(
        `${load.name} (${load.concurrency} in flight): ${CLICKS} signed clicks from ${USERS} users in ${seconds.toFixed(1)} s → ` +
          `${mine.length} recorded (${once ? 'exactly once' : 'MISMATCH'}); click → ephemeral feedback ` +
          `p50 ${row.p50Ms} ms, p99 ${row.p99Ms} ms (target p99 < ${TARGET_P99_MS} ms: ${verdict})`,
      );
      if (!once)
        throw new Error(
          `${load.name}: expected ${CLICKS} answers recorded once, got ${mine.length} (${unique} distinct)`,
        );
    }
    return summary;
  } finally {
    if (bot && bot.child.exitCode === null) bot.child.kill('SIGKILL');
    await slack.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
