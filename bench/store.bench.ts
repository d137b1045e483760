// Bench: 1,000 recordAnswer calls from 200 users on a temp SQLite file; all recorded exactly once, p50/p99 per call.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OWNERS } from '../src/core/types.ts';
import { createSqliteStore } from '../src/store/sqlite.ts';
import { percentile } from './click-load.ts';

const USERS = 200;
const CALLS = 1_000;
const QUIZZES = CALLS / USERS; // each user answers each of 5 quizzes once

export async function run(): Promise<{ calls: number; recorded: number; p50Ms: number; p99Ms: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'srm-bench-'));
  const store = createSqliteStore(join(dir, 'bench.db'));
  try {
    const quizIds: string[] = [];
    for (let day = 0; day < QUIZZES; day++) {
      const quiz = await store.claimPost(
        'CBENCH',
        `2026-03-0${day + 2}`,
        { topicId: 't', serviceId: null, owner: 'AWS' },
        new Date(),
      );
      quizIds.push(quiz?.id as string);
    }
    const timings: number[] = [];
    let accepted = 0;
    for (let i = 0; i < CALLS; i++) {
      const start = performance.now();
      const result = await store.recordAnswer({
        quizId: quizIds[Math.floor(i / USERS)] as string,
        userId: `U${i % USERS}`,
        choice: OWNERS[i % 3] ?? 'AWS',
        at: new Date(),
      });
      timings.push(performance.now() - start);
      if (result.status === 'accepted') accepted += 1;
    }
    const recorded = (await store.listAnswers({ channel: 'CBENCH' })).length;
    timings.sort((a, b) => a - b);
    const summary = {
      calls: CALLS,
      recorded,
      p50Ms: percentile(timings, 50),
      p99Ms: percentile(timings, 99),
    };
    const ok = accepted === CALLS && recorded === CALLS;
    console.log(
      `store (SQLite, synchronous=FULL): ${CALLS} recordAnswer from ${USERS} users → ${recorded} recorded (${ok ? 'exactly once' : 'MISMATCH'}); p50 ${summary.p50Ms.toFixed(2)} ms, p99 ${summary.p99Ms.toFixed(2)} ms`,
    );
    if (!ok)
      throw new Error(
        `expected ${CALLS} answers recorded once, got ${accepted} accepted / ${recorded} stored`,
      );
    return summary;
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
