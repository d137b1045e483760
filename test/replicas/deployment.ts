// A replica deployment for tests: a fresh schema, a fake Slack and N real bot processes; what users see of it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { userStats } from '../../src/quiz/scores.ts';
import { type BotProcess, botEnv, startBotProcesses } from '../helpers/bot-process.ts';
import { type FakeSlack, type RecordedCall, startFakeSlack } from '../helpers/fake-slack.ts';
import { commandForm, sendSigned } from '../helpers/slack-request.ts';
import { createThrowawaySchema, type ThrowawaySchema } from './pg-schema.ts';

export interface Deployment {
  schema: ThrowawaySchema;
  slack: FakeSlack;
  replicas: BotProcess[];
}

/** SIGTERM (drain, exit 0), then SIGKILL for any replica still running after `graceMs`. */
export async function stopReplicas(bots: readonly BotProcess[], graceMs = 5_000): Promise<void> {
  await Promise.all(
    bots.map(async (bot) => {
      const timer = setTimeout(() => bot.child.kill('SIGKILL'), graceMs);
      await bot.stop();
      clearTimeout(timer);
    }),
  );
}

/**
 * Deployments on the PostgreSQL at `baseUrl`, each replica with the variables a real replica sets (README
 * "Running more than one replica") plus `env`. Everything made is remembered, so tearDown() can remove it
 * even after a test failed half-way.
 */
export function createLab(baseUrl: string, env: Record<string, string>) {
  const dir = mkdtempSync(join(tmpdir(), 'srm-replicas-'));
  const processes: BotProcess[] = [];
  const schemas: ThrowawaySchema[] = [];
  const fakes: FakeSlack[] = [];
  return {
    /** A fresh schema and fake Slack (`prepare` scripts it), and `count` replicas started at the same moment. */
    async deploy(count: number, tag: string, prepare?: (slack: FakeSlack) => void): Promise<Deployment> {
      const schema = await createThrowawaySchema(baseUrl, tag);
      schemas.push(schema);
      const slack = await startFakeSlack();
      fakes.push(slack);
      prepare?.(slack);
      const replicas = await startBotProcesses(
        count,
        { cwd: dir, env: botEnv(slack, schema.url, env) },
        processes,
      );
      return { schema, slack, replicas };
    },
    /** Processes first, then `beforeDrop` (e.g. bring the server back), then schemas, fakes and the temp dir. */
    async tearDown(beforeDrop?: () => Promise<void>): Promise<void> {
      await stopReplicas(processes);
      await beforeDrop?.();
      for (const schema of schemas) await schema.drop().catch(() => {});
      for (const slack of fakes) await slack.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

let commands = 0;

/** `/srm <command>` as `userId` through `bot`: the ephemeral reply's text and blocks. */
export async function srm(d: Deployment, bot: BotProcess, command: string, userId: string) {
  const id = `cmd${++commands}`;
  const form = commandForm({ text: command, response_url: d.slack.responseUrl(id), user_id: userId });
  const res = await sendSigned(bot.url, form, 'application/x-www-form-urlencoded');
  if (res.status !== 200) throw new Error(`/srm ${command}: HTTP ${res.status}`);
  const [reply] = (await d.slack.waitFor(`response:${id}`, 1, 10_000)) as [RecordedCall];
  return { text: reply.body.text, blocks: reply.body.blocks };
}

/** Everything a user can see of a channel's scores (through the last replica), plus the raw answers. */
export async function scoresOf(d: Deployment, channel: string, users: readonly string[]) {
  const store = await d.schema.open();
  try {
    const answers = (await store.listAnswers({ channel }))
      .map((a) => `${a.localDate} ${a.userId} ${a.choice}`)
      .sort();
    const stats = await Promise.all(users.map((u) => userStats(store, { channel }, u)));
    const bot = d.replicas.at(-1) as BotProcess;
    const leaderboard = await srm(d, bot, 'leaderboard', users[0] as string);
    const statsReplies = [];
    for (const u of users.slice(0, 4)) statsReplies.push(await srm(d, bot, 'stats', u));
    return { answers, stats, leaderboard, statsReplies };
  } finally {
    await store.close();
  }
}
