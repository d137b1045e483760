// Two replicas' quiz schedulers on one store: `/srm quiz off|here` reaches one of them, and the other must follow.
import { afterEach, describe, expect, it } from 'vitest';
import { createQuizScheduler, type QuizScheduler } from '../../src/quiz/schedule.ts';
import { createMemoryStore } from '../../src/store/memory.ts';
import type { QuizSettings, Store } from '../../src/store/store.ts';
import { miniKb } from '../fixtures/kb-mini/kb.ts';
import { createFakePublisher, type FakePublisher, silentLogger } from '../quiz/fake-publisher.ts';

/** Croner takes a seconds field: a tick every second keeps the test short; the real cron is daily. */
const EVERY_SECOND = '* * * * * *';
const ON: QuizSettings = { channel: 'CQUIZ', cron: EVERY_SECOND, tz: 'UTC', enabled: true };

let running: QuizScheduler[] = [];
afterEach(async () => {
  await Promise.all(running.map((s) => s.stop()));
  running = [];
});

/** A replica's scheduler: its own publisher (its own Slack client), the shared store. */
function replica(store: Store): { scheduler: QuizScheduler; publisher: FakePublisher } {
  const publisher = createFakePublisher();
  const scheduler = createQuizScheduler({
    store,
    kb: miniKb,
    publisher,
    defaults: { channel: 'CQUIZ', cron: EVERY_SECOND, tz: 'UTC' },
    now: () => new Date(),
    logger: silentLogger,
  });
  running.push(scheduler);
  return { scheduler, publisher };
}

/** Both armed with the environment's settings, as after start-up; then one handles an admin's command. */
async function changeOnOne(next: QuizSettings) {
  const store = createMemoryStore();
  const [a, b] = [replica(store), replica(store)];
  a.scheduler.apply(ON);
  b.scheduler.apply(ON);
  // What quiz-command does on the replica that got the command: save, then re-arm itself.
  await store.saveQuizSettings(next);
  b.scheduler.apply(next);
  await new Promise((r) => setTimeout(r, 2_300)); // at least two ticks
  return { a, b, published: [...a.publisher.published, ...b.publisher.published] };
}

describe('quiz settings changed on one replica', () => {
  it('`/srm quiz off` on one replica stops the others posting at their next tick', async () => {
    const { a, published } = await changeOnOne({ ...ON, enabled: false });
    expect(published).toEqual([]);
    expect(a.scheduler.nextRun()).toBeNull();
  });

  it('`/srm quiz here` in another channel moves every replica there: one post, in the new channel', async () => {
    const { a, published } = await changeOnOne({ ...ON, channel: 'CNEW' });
    expect(published.map((p) => p.channel)).toEqual(['CNEW']);
    expect(a.scheduler.nextRun()).not.toBeNull();
  });
});
