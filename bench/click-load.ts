// Signed quiz clicks against bot processes, timed click → ephemeral feedback; shared by the quiz and replica benches and the replica test.
import { OWNERS, type Owner } from '../src/core/types.ts';
import { ACTIONS, actionId } from '../src/slack/ids.ts';
import type { AnswerRow, Store } from '../src/store/store.ts';
import { type BotProcess, botEnv, startBotProcesses } from '../test/helpers/bot-process.ts';
import type { FakeSlack, RecordedCall } from '../test/helpers/fake-slack.ts';
import { buttonClickForm, sendSigned } from '../test/helpers/slack-request.ts';

export const USERS = 200;
export const CLICKS = 1_000;
/** Every user answers each of 5 daily questions once. */
export const QUIZZES = CLICKS / USERS;
/** Clicks in flight: a busy morning (the target applies), then a burst of everyone at once (for information). */
export const LOADS = [
  { name: 'steady', concurrency: 4 },
  { name: 'burst', concurrency: 10 },
] as const;
export type Load = (typeof LOADS)[number];
export const TARGET_P99_MS = 50;
/** Where the benches' daily questions are posted. */
const BENCH_CHANNEL = 'CBENCH';
/**
 * Clicks per bot process before timing starts, on a question of their own, as the Slack bench warms up too: the
 * first clicks on a fresh process pay for JIT compilation and first statements (63–127 ms measured), which a
 * long-running bot paid once at start-up. They are left out of the timings and of the count.
 */
export const WARM_UP_CLICKS = 50;
const WARM_UP_CHANNEL = 'CWARMUP';

export interface Click {
  /** Also the response_url id, so each click's feedback is told apart. */
  id: string;
  quizId: string;
  /** The quiz's channel: a daily quiz counts only clicks on its own message. */
  channel: string;
  userId: string;
  choice: Owner;
}

export interface ClickOutcome extends Click {
  url: string;
  /** When the click was sent (epoch ms). */
  sentAt: number;
  /** HTTP status of the click: 200 only once the bot acknowledged it. */
  status: number;
  /** What the bot posted to the click's response_url, or null if nothing came in time. */
  feedback: RecordedCall | null;
  latencyMs: number | null;
}

export const percentile = (sorted: readonly number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;

/** `YYYY-MM-DD`, `offset` days after `first`. */
const addDays = (first: string, offset: number) =>
  new Date(Date.parse(`${first}T12:00:00Z`) + offset * 86_400_000).toISOString().slice(0, 10);

/** `count` posted daily questions in `channel` on consecutive days, written before the bots start. */
export async function seedQuizzes(
  store: Store,
  channel: string,
  count: number,
  firstDay = '2026-03-02',
): Promise<string[]> {
  const ids: string[] = [];
  for (let day = 0; day < count; day++) {
    const question = { topicId: 'guest-os-patching', serviceId: 'ec2', owner: 'Customer' as const };
    const quiz = await store.claimPost(channel, addDays(firstDay, day), question, new Date());
    if (!quiz) throw new Error(`could not seed quiz ${day} in ${channel}`);
    await store.updateQuiz(quiz.id, { ts: `1700000${day}.000100` });
    ids.push(quiz.id);
  }
  return ids;
}

/**
 * Each of `users` users answers each quiz (all posted in `channel`) once; the choice cycles so that points and
 * streaks differ per user.
 */
export function planClicks(channel: string, quizIds: readonly string[], tag: string, users = USERS): Click[] {
  return quizIds.flatMap((quizId, q) =>
    Array.from({ length: users }, (_, u) => {
      const i = q * users + u;
      return {
        id: `${tag}${i}`,
        quizId,
        channel,
        userId: `U${String(u).padStart(4, '0')}`,
        choice: OWNERS[i % 3] ?? 'AWS',
      };
    }),
  );
}

/** The fake's record of the post to `method`, event-driven (polling would load the process that hosts the fake). */
function feedbackFor(slack: FakeSlack, method: string, timeoutMs: number): Promise<RecordedCall | null> {
  // Checked and subscribed in one tick, so a post between the two cannot be missed.
  const seen = slack.callsTo(method)[0];
  if (seen) return Promise.resolve(seen);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(null), timeoutMs);
    void slack.next(method).then((call) => {
      clearTimeout(timer);
      resolve(call);
    });
  });
}

/** One signed click; latency = click sent → its response_url post received by the fake Slack. */
export async function sendClick(
  url: string,
  slack: FakeSlack,
  click: Click,
  feedbackTimeoutMs = 10_000,
): Promise<ClickOutcome> {
  const form = buttonClickForm({
    actionId: actionId(ACTIONS.quizAnswer, click.choice),
    value: `${click.quizId}:${click.choice}`,
    responseUrl: slack.responseUrl(click.id),
    userId: click.userId,
    channelId: click.channel,
  });
  const start = Date.now();
  const res = await sendSigned(url, form, 'application/x-www-form-urlencoded');
  await res.arrayBuffer();
  const feedback = await feedbackFor(slack, `response:${click.id}`, feedbackTimeoutMs);
  return {
    ...click,
    url,
    sentAt: start,
    status: res.status,
    feedback,
    latencyMs: feedback ? feedback.at - start : null,
  };
}

export interface LoadResult {
  outcomes: ClickOutcome[];
  /** Sorted latencies of acknowledged clicks that got feedback. */
  latencies: number[];
  seconds: number;
}

/**
 * `clicks` with `concurrency` in flight, click i to `urls[i % urls.length]` (a round-robin load balancer).
 * Stops sending after the first click that is not acknowledged or gets no feedback: a broken run fails in
 * seconds instead of timing out 3 s per click.
 */
export async function sendClicks(
  clicks: readonly Click[],
  options: { urls: readonly string[]; slack: FakeSlack; concurrency: number },
): Promise<LoadResult> {
  const outcomes: ClickOutcome[] = [];
  let next = 0;
  const worker = async () => {
    while (next < clicks.length) {
      const i = next++;
      const url = options.urls[i % options.urls.length] as string;
      const outcome = await sendClick(url, options.slack, clicks[i] as Click);
      outcomes.push(outcome);
      if (outcome.status !== 200 || !outcome.feedback) next = clicks.length;
    }
  };
  const began = Date.now();
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  const latencies = outcomes
    .filter((o) => o.status === 200 && o.latencyMs !== null)
    .map((o) => o.latencyMs as number)
    .sort((a, b) => a - b);
  return { outcomes, latencies, seconds: (Date.now() - began) / 1000 };
}

export interface ClickRun {
  name: string;
  concurrency: number;
  clicks: number;
  recorded: number;
  /** Every click recorded, each (quiz, user) once. */
  once: boolean;
  p50Ms: number;
  p99Ms: number;
  seconds: number;
}

/**
 * Seeds QUIZZES questions per load, starts `replicas` bot processes on one database (each its own process, as
 * in production, so the bench's client and fake Slack share no event loop with them), sends CLICKS clicks
 * per load round-robin over them, stops them, then counts the answers in the database: what Slack was told
 * is what was kept.
 */
export async function measureClickLoads(options: {
  openStore: () => Promise<Store>;
  databaseUrl: string;
  replicas: number;
  cwd: string;
  slack: FakeSlack;
  loads?: readonly Load[];
}): Promise<ClickRun[]> {
  const loads = options.loads ?? LOADS;
  const seeding = await options.openStore();
  const quizIds = await seedQuizzes(seeding, BENCH_CHANNEL, QUIZZES * loads.length);
  const [warmUpQuiz] = await seedQuizzes(seeding, WARM_UP_CHANNEL, 1);
  await seeding.close();
  const bots: BotProcess[] = [];
  try {
    const env = botEnv(options.slack, options.databaseUrl);
    // Every process that did start lands in `bots`, so the finally below stops it even if another failed.
    await startBotProcesses(options.replicas, { cwd: options.cwd, env }, bots);
    const urls = bots.map((b) => b.url);
    const warmUp = planClicks(WARM_UP_CHANNEL, [warmUpQuiz as string], 'warm-', WARM_UP_CLICKS * bots.length);
    await sendClicks(warmUp, { urls, slack: options.slack, concurrency: 1 });
    const results: LoadResult[] = [];
    for (const [k, load] of loads.entries()) {
      const ids = quizIds.slice(k * QUIZZES, (k + 1) * QUIZZES);
      const result = await sendClicks(planClicks(BENCH_CHANNEL, ids, `${load.name}-`), {
        urls,
        slack: options.slack,
        concurrency: load.concurrency,
      });
      const broken = result.outcomes.find((o) => o.status !== 200 || !o.feedback);
      if (broken)
        throw new Error(
          `${load.name}: click ${broken.id} got HTTP ${broken.status}, feedback: ${!!broken.feedback}`,
        );
      results.push(result);
    }
    await Promise.all(bots.map((b) => b.stop()));

    const store = await options.openStore();
    const answers = await store.listAnswers({ channel: BENCH_CHANNEL });
    await store.close();
    return loads.map((load, k) => {
      const { latencies, seconds } = results[k] as LoadResult;
      const { recorded, once } = countOnce(answers, quizIds.slice(k * QUIZZES, (k + 1) * QUIZZES), CLICKS);
      return {
        name: load.name,
        concurrency: load.concurrency,
        clicks: CLICKS,
        recorded,
        once,
        p50Ms: percentile(latencies, 50),
        p99Ms: percentile(latencies, 99),
        seconds,
      };
    });
  } finally {
    for (const bot of bots) if (bot.alive()) bot.child.kill('SIGKILL');
  }
}

/** Answers to `quizIds`: how many there are, and whether that is `expected`, each (quiz, user) once. */
export function countOnce(answers: readonly AnswerRow[], quizIds: readonly string[], expected: number) {
  const mine = answers.filter((a) => quizIds.includes(a.quizId));
  const distinct = new Set(mine.map((a) => `${a.quizId}:${a.userId}`)).size;
  return { recorded: mine.length, distinct, once: mine.length === expected && distinct === expected };
}

/** One line per load, as both benches print it. */
export function describeRun(run: ClickRun, replicas: number): string {
  // The 50 ms target is the single-replica one (issue 4). Three replicas, PostgreSQL and the load generator on
  // one small machine measure contention for its cores, not the product: reported beside it, for comparison.
  const targeted = run.name === 'steady' && replicas === 1;
  const verdict = targeted ? (run.p99Ms < TARGET_P99_MS ? 'met' : 'MISSED') : 'information only';
  return (
    `${run.name} (${run.concurrency} in flight, ${replicas} ${replicas === 1 ? 'replica' : 'replicas'}): ` +
    `${run.clicks} signed clicks from ${USERS} users in ${run.seconds.toFixed(1)} s → ${run.recorded} recorded ` +
    `(${run.once ? 'exactly once' : 'MISMATCH'}); click → ephemeral feedback p50 ${run.p50Ms} ms, ` +
    `p99 ${run.p99Ms} ms (target p99 < ${TARGET_P99_MS} ms: ${verdict})`
  );
}
