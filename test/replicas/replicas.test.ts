// Scale-out E2E: three real bot processes on one PostgreSQL behind a round-robin client, one fake Slack.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CLICKS,
  type Click,
  type ClickOutcome,
  planClicks,
  QUIZZES,
  seedQuizzes,
  sendClick,
  USERS,
} from '../../bench/click-load.ts';
import { OWNERS } from '../../src/core/types.ts';
import type { RecordedCall } from '../helpers/fake-slack.ts';
import { until } from '../helpers/poll.ts';
import { eventEnvelope, sendSigned } from '../helpers/slack-request.ts';
import { createLab, type Deployment, scoresOf, stopReplicas } from './deployment.ts';
import { type PgOutage, pgOutage } from './pg-outage.ts';

const url = process.env.TEST_DATABASE_URL;
if (!url) {
  console.info(
    'replica tests SKIPPED: TEST_DATABASE_URL is not set. Enable with: eval "$(bash .ci/postgres.sh)" && export TEST_DATABASE_URL && npx vitest run test/replicas',
  );
}

// CI must exercise the replicas: a missing database there is a failure, not a skip.
it.runIf(!url && process.env.CI)('has a PostgreSQL database in CI', () => {
  expect.fail('TEST_DATABASE_URL is not set in CI: .ci/run should have started PostgreSQL');
});

const TODAY = '2026-03-06';
/** Frozen clock past today's 09:00 run: every replica catches up on start, all at the same moment. */
const QUIZ_ENV = {
  QUIZ_CHANNEL: 'CQUIZ',
  QUIZ_CRON: '0 9 * * *',
  QUIZ_TZ: 'UTC',
  SRM_TEST_NOW: `${TODAY}T10:00:00Z`,
  RATE_LIMIT_PER_MINUTE: '1000',
};
const SEED_DAYS = ['2026-03-01', '2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05'];
/** The first RACES clicks are delivered twice at once to two replicas: a double click the balancer split. */
const RACES = 99;

let three: Deployment;
let outage: PgOutage | undefined;
let lab: ReturnType<typeof createLab> | undefined;
const USER_IDS = Array.from({ length: USERS }, (_, u) => `U${String(u).padStart(4, '0')}`);

const text = (call: RecordedCall | null | undefined) => String(call?.body.text ?? '');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Five posted daily questions before today, written while the replicas run (a catch-up would reveal them). */
async function seed(d: Deployment): Promise<string[]> {
  const store = await d.schema.open();
  try {
    return await seedQuizzes(store, 'CQUIZ', QUIZZES, SEED_DAYS[0]);
  } finally {
    await store.close();
  }
}

/**
 * The plan, 8 in flight, click i to replica i mod n; a race pair goes to replicas i and i+1 at the same
 * moment. The first unacknowledged click stops the run, so a broken replica fails fast.
 */
async function clickAll(d: Deployment, plan: Click[]) {
  const urls = d.replicas.map((b) => b.url);
  const to = (i: number) => urls[i % urls.length] as string;
  const outcomes: ClickOutcome[] = [];
  const races: ClickOutcome[][] = [];
  let next = 0;
  const worker = async () => {
    while (next < plan.length) {
      const i = next++;
      const click = plan[i] as Click;
      const sent =
        i >= RACES
          ? [await sendClick(to(i), d.slack, click)]
          : await Promise.all([
              sendClick(to(i), d.slack, click),
              sendClick(to(i + 1), d.slack, { ...click, id: `${click.id}-again` }),
            ]);
      outcomes.push(...sent);
      if (sent.length === 2) races.push(sent);
      if (sent.some((o) => o.status !== 200)) next = plan.length;
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
  return { outcomes, races };
}

describe.skipIf(!url)('three replicas on one PostgreSQL', () => {
  beforeAll(async () => {
    lab = createLab(url as string, QUIZ_ENV);
    // The winner's chat.postMessage is held 4 s, so the other two reach their claim while it is in flight.
    three = await lab.deploy(3, 'three', (slack) => slack.script('chat.postMessage', { delayMs: 4_000 }));
  }, 60_000);

  afterAll(async () => {
    // Children first (even after a failure), then the server back up, then the data.
    await lab?.tearDown(async () => {
      await outage
        ?.end()
        .catch((error: Error) => console.error(`PostgreSQL not restarted: ${error.message}`));
    });
  }, 60_000);

  it('posts the daily quiz once when all three hit the quiz time together', async () => {
    const posts = three.slack.attempts.filter(
      (c) => c.method === 'chat.postMessage' && c.body.channel === 'CQUIZ',
    );
    expect(posts).toHaveLength(1);
    // Each replica found today's question missing and tried; exactly one won the claim and posted.
    for (const bot of three.replicas)
      expect(bot.output()).toContain(`catching up on today's quiz (${TODAY})`);
    expect(three.replicas.filter((b) => b.output().includes('posted quiz'))).toHaveLength(1);
    const store = await three.schema.open();
    const todays = (await store.listQuizzes('CQUIZ')).filter((q) => q.localDate === TODAY);
    await store.close();
    expect(todays).toHaveLength(1);
    expect(todays[0]?.ts).toMatch(/^\d+\.\d+$/);
  });

  it('answers an event delivered to every replica (and retried) exactly once', async () => {
    const events = Array.from({ length: 10 }, (_, k) => ({
      id: `EvReplica${k}`,
      ts: `${1_700_001_000 + k}.000100`,
    }));
    await Promise.all(
      events.map(async ({ id, ts }, k) => {
        const body = eventEnvelope(
          {
            type: 'app_mention',
            user: `UASK${k}`,
            text: '<@UBOT> who patches the guest OS on EC2?',
            ts,
            channel: 'C1',
            event_ts: ts,
          },
          id,
        );
        const deliveries = three.replicas.map((b) => sendSigned(b.url, body, 'application/json'));
        // Slack's own redelivery of the same event_id, to yet another replica.
        if (k % 2)
          deliveries.push(
            sendSigned(three.replicas[k % 3]?.url as string, body, 'application/json', { retryNum: 1 }),
          );
        for (const res of await Promise.all(deliveries)) expect(res.status).toBe(200);
      }),
    );
    await three.slack.waitFor('chat.postMessage', 1 + events.length, 10_000);
    await sleep(1_000); // room for a late duplicate
    const replies = three.slack.callsTo('chat.postMessage').filter((c) => c.body.channel === 'C1');
    expect(replies.map((c) => c.body.thread_ts).sort()).toEqual(events.map((e) => e.ts).sort());
    for (const reply of replies) expect(text(reply)).toMatch(/^Customer/);
    const admin = new pg.Client({ connectionString: url });
    admin.on('error', () => {}); // the query fails the test if the server goes away; the process stays
    await admin.connect();
    const { rows } = await admin.query<{ n: string }>(
      `SELECT count(*) AS n FROM ${three.schema.schema}.event_claims WHERE event_id = ANY($1)`,
      [events.map((e) => e.id)],
    );
    await admin.end();
    expect(Number(rows[0]?.n)).toBe(events.length);
  });

  it('records 1,000 clicks from 200 users once each, scored exactly as one replica scores them', async () => {
    const started = Date.now();
    const plan3 = planClicks('CQUIZ', await seed(three), 'r3-');
    const run3 = await clickAll(three, plan3);
    const seconds3 = (Date.now() - started) / 1000;

    const one = await (lab as NonNullable<typeof lab>).deploy(1, 'one');
    const run1 = await clickAll(one, planClicks('CQUIZ', await seed(one), 'r1-'));

    for (const run of [run3, run1]) {
      expect(run.outcomes.filter((o) => o.status !== 200 || !o.feedback).map((o) => o.id)).toEqual([]);
      // Of two simultaneous deliveries of one click, exactly one is accepted; the other hears it counted already.
      for (const pair of run.races)
        expect(pair.filter((o) => text(o.feedback).startsWith('You already answered'))).toHaveLength(1);
    }
    const expected = plan3
      .map((c, i) => `${SEED_DAYS[Math.floor(i / USERS)]} ${c.userId} ${c.choice}`)
      .sort();
    const [s3, s1] = [await scoresOf(three, 'CQUIZ', USER_IDS), await scoresOf(one, 'CQUIZ', USER_IDS)];
    expect(s3.answers).toHaveLength(CLICKS);
    expect(s3.answers).toEqual(expected);
    expect(s1.answers).toEqual(expected);
    expect(s3.stats).toEqual(s1.stats);
    expect(s3.leaderboard).toEqual(s1.leaderboard);
    expect(s3.statsReplies).toEqual(s1.statsReplies);
    // The comparison has teeth: people scored differently, and the board names them.
    expect(new Set(s3.stats.map((s) => s?.points)).size).toBeGreaterThan(1);
    expect(JSON.stringify(s3.leaderboard.blocks)).toContain('<@U0');
    await stopReplicas(one.replicas);
    console.info(
      `replicas: ${run3.outcomes.length} deliveries (${CLICKS} clicks + ${RACES} split double clicks) over 3 replicas in ${seconds3.toFixed(1)} s → ${s3.answers.length} answers, 0 lost, 0 duplicated; scores equal to one replica`,
    );
  }, 90_000);

  it('rides out a PostgreSQL restart mid-clicks: no exit, nothing acknowledged lost, a polite retry hint', async () => {
    const store = await three.schema.open();
    const today = (await store.listQuizzes('CQUIZ')).find((q) => q.localDate === TODAY);
    await store.close();
    if (!today) throw new Error("today's quiz is missing");
    outage = await pgOutage(url as string, three.schema.schema);
    console.info(`replicas outage: ${outage.description}`);

    const urls = three.replicas.map((b) => b.url);
    const outcomes: ClickOutcome[] = [];
    let stop = false;
    let next = 0;
    const worker = async () => {
      while (!stop) {
        const i = next++;
        const click = {
          id: `d${i}`,
          quizId: today.id,
          channel: 'CQUIZ',
          userId: `UD${String(i).padStart(4, '0')}`,
          choice: OWNERS[i % 3] ?? 'AWS',
        };
        outcomes.push(await sendClick(urls[i % 3] as string, three.slack, click, 15_000));
      }
    };
    const ok = (o: ClickOutcome) => o.status === 200;
    const onEveryReplica = (pick: (o: ClickOutcome) => boolean, count = 1) =>
      urls.every((u) => outcomes.filter((o) => o.url === u && pick(o)).length >= count);
    const workers = Array.from({ length: 6 }, worker);
    let downAt = 0;
    let upAt = 0;
    try {
      await until(() => outcomes.filter(ok).length >= 30, 20_000, 'clicks before the outage');
      downAt = Date.now();
      await outage.begin();
      if (outage.kind === 'restart')
        await until(() => onEveryReplica((o) => !ok(o)), 20_000, 'a refused click on every replica');
      else await sleep(1_500);
      await outage.end();
      upAt = Date.now();
      // Nobody restarts the replicas: each must take clicks again by itself.
      await until(
        () => onEveryReplica((o) => o.sentAt >= upAt && ok(o), 3),
        30_000,
        'acknowledged clicks on every replica after the outage',
      );
    } finally {
      stop = true;
      await Promise.all(workers);
      await outage.end();
    }

    expect(three.replicas.every((b) => b.alive())).toBe(true);
    const refused = outcomes.filter((o) => !ok(o));
    for (const o of refused) expect(text(o.feedback)).toContain('try again in a minute');
    if (outage.kind === 'restart') expect(new Set(refused.map((o) => o.url)).size).toBe(3);
    // Doing what the reply says: the same click again, now on another replica.
    const retried = await Promise.all(
      refused.map((o, k) =>
        sendClick(urls[(k + 1) % 3] as string, three.slack, {
          id: `${o.id}-retry`,
          quizId: o.quizId,
          channel: o.channel,
          userId: o.userId,
          choice: o.choice,
        }),
      ),
    );
    for (const r of retried) {
      expect(r.status).toBe(200);
      expect(text(r.feedback)).toMatch(/^(Right!|Not quite|You already answered)/);
    }

    const check = await three.schema.open();
    const rows = (await check.listAnswers({ channel: 'CQUIZ' })).filter((a) => a.quizId === today.id);
    await check.close();
    const kept = new Map(rows.map((r) => [r.userId, r.choice]));
    const lost = outcomes.filter((o) => ok(o) && kept.get(o.userId) !== o.choice);
    expect(lost.map((o) => o.id)).toEqual([]);
    expect(rows).toHaveLength(outcomes.length);
    console.info(
      `replicas outage (${outage.kind}): ${outcomes.length} clicks, ${outcomes.length - refused.length} acknowledged and all kept, ` +
        `${refused.length} refused with "try again in a minute" (HTTP ${[...new Set(refused.map((o) => o.status))].join('/') || '-'}), ` +
        `all retried fine; down ${upAt - downAt} ms; no replica exited`,
    );
  }, 90_000);
});
