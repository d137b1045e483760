// Slack end to end on loopback: signed app_mention → chat.postMessage latency, and /srm ack latency (p50/p99).
import { performance } from 'node:perf_hooks';
import { startBot } from '../test/helpers/bot-harness.ts';
import { commandForm, eventEnvelope, sendSigned } from '../test/helpers/slack-request.ts';

const QUESTIONS = 500;
const WARM_UP = 50;
const SAMPLE = [
  'who patches the guest OS on EC2?',
  'who secures the hypervisor?',
  'who encrypts my data in S3?',
  'who patches the database engine on RDS?',
  'who configures security groups?',
];

const pct = (sorted: number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
const line = (label: string, values: number[], target: string): string => {
  const sorted = [...values].sort((a, b) => a - b);
  const figures = `p50 ${pct(sorted, 0.5).toFixed(2)} ms   p99 ${pct(sorted, 0.99).toFixed(2)} ms`;
  return `${label.padEnd(34)}${figures.padStart(30)}   (target ${target})\n`;
};

export async function run(): Promise<void> {
  const h = await startBot({ env: { LOG_LEVEL: 'warn' } });
  try {
    const mention = async (i: number): Promise<number> => {
      const body = eventEnvelope({
        type: 'app_mention',
        user: `U${i}`, // one asker each: the per-user rate limit is not what is measured here
        text: `<@UBOT> ${SAMPLE[i % SAMPLE.length]}`,
        ts: `${1_700_000_000 + i}.000001`,
        channel: 'C1',
        event_ts: '1.1',
      });
      const posted = h.slack.next('chat.postMessage');
      const t0 = performance.now();
      await sendSigned(h.url, body, 'application/json');
      await posted;
      return performance.now() - t0;
    };
    const command = async (i: number): Promise<number> => {
      const form = commandForm({
        text: SAMPLE[i % SAMPLE.length] ?? '',
        user_id: `U${i}`,
        response_url: h.slack.responseUrl(`b${i}`),
      });
      const t0 = performance.now();
      const res = await sendSigned(h.url, form, 'application/x-www-form-urlencoded');
      const elapsed = performance.now() - t0;
      if (res.status !== 200) throw new Error(`/srm answered ${res.status}`);
      return elapsed;
    };

    for (let i = 0; i < WARM_UP; i++) await mention(100_000 + i);
    const mentions: number[] = [];
    for (let i = 0; i < QUESTIONS; i++) mentions.push(await mention(i));

    for (let i = 0; i < WARM_UP; i++) await command(100_000 + i);
    const acks: number[] = [];
    for (let i = 0; i < QUESTIONS; i++) acks.push(await command(i));
    await h.slack.waitFor(`response:b${QUESTIONS - 1}`);

    process.stdout.write(line(`app_mention → chat.postMessage ×${QUESTIONS}`, mentions, 'p99 < 50 ms'));
    process.stdout.write(line(`/srm ack ×${QUESTIONS}`, acks, 'p99 < 100 ms'));
  } finally {
    await h.stop();
  }
}
