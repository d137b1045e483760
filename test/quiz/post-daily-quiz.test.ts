// postDailyQuiz: one post per channel and local day, retry with release after failures, reveal of the previous question.
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../src/core/quiz-picker.ts';
import { postDailyQuiz, type QuizDeps } from '../../src/quiz/post-daily-quiz.ts';
import { createMemoryStore } from '../../src/store/memory.ts';
import type { Store } from '../../src/store/store.ts';
import { miniKb } from '../fixtures/kb-mini/kb.ts';
import { createFakePublisher, type FakePublisher, silentLogger } from './fake-publisher.ts';

interface Setup {
  deps: QuizDeps;
  store: Store;
  publisher: FakePublisher;
  clock: { now: Date };
  delays: number[];
}

function setup(start = '2026-03-02T09:00:00Z', store: Store = createMemoryStore()): Setup {
  const publisher = createFakePublisher();
  const clock = { now: new Date(start) };
  const delays: number[] = [];
  const deps: QuizDeps = {
    store,
    kb: miniKb,
    publisher,
    defaults: { channel: 'CQUIZ', cron: '0 9 * * 1-5', tz: 'UTC' },
    now: () => new Date(clock.now),
    logger: silentLogger,
    random: seededRandom(7),
    sleep: async (ms) => void delays.push(ms),
  };
  return { deps, store, publisher, clock, delays };
}

describe('postDailyQuiz', () => {
  it('posts one question, saves its ts, and refuses a second post the same local day', async () => {
    const { deps, store, publisher } = setup();
    const first = await postDailyQuiz(deps);
    expect(first.status).toBe('posted');
    const again = await postDailyQuiz(deps);
    expect(again.status).toBe('already-posted');
    expect(publisher.published).toHaveLength(1);
    const [quiz] = await store.listQuizzes('CQUIZ');
    expect(quiz?.ts).toBe('101.000');
    expect(quiz?.localDate).toBe('2026-03-02');
  });

  it('lets only one of two concurrent runs (two replicas, or cron + /srm quiz now) post', async () => {
    const { deps, publisher } = setup();
    const outcomes = await Promise.all([postDailyQuiz(deps), postDailyQuiz(deps)]);
    expect(outcomes.map((o) => o.status).sort()).toEqual(['already-posted', 'posted']);
    expect(publisher.published).toHaveLength(1);
  });

  it('uses the quiz time zone for the day: 23:30 UTC is already tomorrow in Tokyo', async () => {
    const { deps, store } = setup('2026-03-02T23:30:00Z');
    await store.saveQuizSettings({ channel: 'CQUIZ', cron: '0 9 * * *', tz: 'Asia/Tokyo', enabled: true });
    await postDailyQuiz(deps);
    expect((await store.listQuizzes('CQUIZ'))[0]?.localDate).toBe('2026-03-03');
  });

  it('after a failed post releases the claim and retries with growing delays', async () => {
    const { deps, store, publisher, delays } = setup();
    publisher.failNext(
      { ok: false, problem: 'failed', detail: 'internal_error' },
      { ok: false, problem: 'failed', detail: 'timeout' },
    );
    const outcome = await postDailyQuiz(deps);
    expect(outcome.status).toBe('posted');
    expect(delays).toEqual([2_000, 4_000]);
    const quizzes = await store.listQuizzes('CQUIZ');
    expect(quizzes).toHaveLength(1); // the released claims left nothing behind
    expect(quizzes[0]?.ts).not.toBeNull();
  });

  it('gives up after the bounded attempts and leaves the day claimable', async () => {
    const { deps, store, publisher, delays } = setup();
    const fail = { ok: false as const, problem: 'failed' as const, detail: 'internal_error' };
    publisher.failNext(fail, fail, fail, fail);
    const outcome = await postDailyQuiz(deps);
    expect(outcome).toEqual({ status: 'failed', detail: 'internal_error', attempts: 4 });
    expect(delays).toEqual([2_000, 4_000, 8_000]);
    expect(await store.listQuizzes('CQUIZ')).toEqual([]);
    expect((await postDailyQuiz(deps)).status).toBe('posted');
  });

  it('retries saving the ts of a posted question through a database blip', async () => {
    const { deps, store, publisher } = setup();
    const updateQuiz = store.updateQuiz.bind(store);
    let failures = 2;
    store.updateQuiz = async (id, patch) => {
      if (patch.ts && failures-- > 0) throw new Error('database restarting');
      return updateQuiz(id, patch);
    };
    expect((await postDailyQuiz(deps)).status).toBe('posted');
    expect(publisher.published).toHaveLength(1);
    expect((await store.listQuizzes('CQUIZ'))[0]?.ts).toBe('101.000');
  });

  it('still reports a question posted when its ts never reaches the database', async () => {
    const { deps, store, publisher } = setup();
    store.updateQuiz = async () => {
      throw new Error('database gone');
    };
    expect((await postDailyQuiz(deps)).status).toBe('posted');
    expect(publisher.published).toHaveLength(1);
  });

  it('does not retry when the bot is not in the channel, and warns the admins', async () => {
    const { deps, store, publisher, delays } = setup();
    publisher.failNext({ ok: false, problem: 'not-in-channel', detail: 'not_in_channel' });
    const outcome = await postDailyQuiz(deps);
    expect(outcome).toEqual({ status: 'not-in-channel', channel: 'CQUIZ' });
    expect(delays).toEqual([]);
    expect(publisher.warnings).toEqual([{ problem: 'not-in-channel', channel: 'CQUIZ' }]);
    expect(await store.listQuizzes('CQUIZ')).toEqual([]);
  });

  it('reveals the previous day’s question (with its counts) before posting the next', async () => {
    const { deps, store, publisher, clock } = setup();
    const first = await postDailyQuiz(deps);
    if (first.status !== 'posted') throw new Error(first.status);
    const wrong = first.quiz.owner === 'AWS' ? 'Customer' : 'AWS';
    await store.recordAnswer({
      quizId: first.quiz.id,
      userId: 'U1',
      choice: first.quiz.owner,
      at: clock.now,
    });
    await store.recordAnswer({ quizId: first.quiz.id, userId: 'U2', choice: wrong, at: clock.now });

    clock.now = new Date('2026-03-03T09:00:00Z');
    const second = await postDailyQuiz(deps);
    expect(second.status).toBe('posted');
    expect(publisher.revealed.map((q) => q.id)).toEqual([first.quiz.id]);
    expect(publisher.revealed[0]?.counts[first.quiz.owner]).toBe(1);
    const stored = await store.getQuiz(first.quiz.id);
    expect(stored?.revealedAt?.toISOString()).toBe('2026-03-03T09:00:00.000Z');
    // Revealed once only, even if the day is run again.
    await postDailyQuiz(deps);
    expect(publisher.revealed).toHaveLength(1);
  });

  it('rotates topics: five days, five different topics from the mini knowledge base', async () => {
    const { deps, clock } = setup();
    const topics: string[] = [];
    for (let day = 2; day <= 6; day++) {
      clock.now = new Date(`2026-03-0${day}T09:00:00Z`);
      const outcome = await postDailyQuiz(deps);
      if (outcome.status === 'posted') topics.push(outcome.quiz.topicId);
    }
    expect(new Set(topics).size).toBe(5);
  });

  it('does nothing without a channel, or while off unless forced (/srm quiz now)', async () => {
    const { deps, store, publisher } = setup();
    expect((await postDailyQuiz({ ...deps, defaults: { cron: '0 9 * * *', tz: 'UTC' } })).status).toBe(
      'no-channel',
    );
    await store.saveQuizSettings({ channel: 'CQUIZ', cron: '0 9 * * *', tz: 'UTC', enabled: false });
    expect((await postDailyQuiz(deps)).status).toBe('disabled');
    expect(publisher.published).toHaveLength(0);
    expect((await postDailyQuiz(deps, { force: true })).status).toBe('posted');
  });
});
