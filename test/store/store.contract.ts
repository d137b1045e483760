// One contract for every Store engine: the same cases run against memory, SQLite and PostgreSQL.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { QuizQuestion } from '../../src/core/quiz-picker.ts';
import type { Store } from '../../src/store/store.ts';

/** Makes a fresh, empty store; called once per test. */
export type StoreFactory = () => Promise<Store>;

const t0 = new Date('2026-03-02T09:00:00Z');
const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);
const question: QuizQuestion = { topicId: 'guest-os-patching', serviceId: 'rds', owner: 'AWS' };

export function storeContract(name: string, factory: StoreFactory): void {
  describe(`${name} store contract`, () => {
    let store: Store;
    beforeEach(async () => {
      store = await factory();
    });
    afterEach(async () => {
      await store.close();
    });

    it('claims an event once, and prunes old claims', async () => {
      expect(await store.claimEvent('Ev1', at(0))).toBe(true);
      expect(await store.claimEvent('Ev1', at(1))).toBe(false);
      expect(await store.claimEvent('Ev2', at(1))).toBe(true);
      // Past the keep window the old claim is gone, so the id counts as new again.
      expect(await store.claimEvent('Ev1', at(120), 60 * 60_000)).toBe(true);
    });

    it('claims concurrent deliveries of one event once', async () => {
      const results = await Promise.all([1, 2, 3].map(() => store.claimEvent('EvX', at(0))));
      expect(results.filter(Boolean)).toHaveLength(1);
    });

    it('reports unanswered and downvoted questions by normalised text, most frequent first', async () => {
      await store.logQuestion({ text: 'Who patches Lambda?', answered: false, topicId: null, at: at(0) });
      const b = await store.logQuestion({
        text: 'who patches lambda',
        answered: false,
        topicId: null,
        at: at(1),
      });
      await store.logQuestion({ text: 'What is KMS', answered: false, topicId: null, at: at(2) });
      const q = await store.logQuestion({
        text: 'Who encrypts S3?',
        answered: true,
        topicId: 'enc',
        at: at(3),
      });
      expect(typeof b).toBe('string');
      await store.recordFeedback({ questionId: q, userId: 'U1', vote: 'up', at: at(4) });
      await store.recordFeedback({
        questionId: q,
        userId: 'U1',
        vote: 'down',
        reason: 'wrong-owner',
        at: at(5),
      });
      await store.recordFeedback({
        questionId: q,
        userId: 'U2',
        vote: 'down',
        reason: 'bad-source',
        at: at(6),
      });
      await store.recordFeedback({ questionId: q, userId: 'U3', vote: 'up', at: at(6) });
      const report = await store.report();
      expect(report.unanswered).toEqual([
        { text: 'Who patches Lambda?', count: 2 },
        { text: 'What is KMS', count: 1 },
      ]);
      expect(report.downvoted).toEqual([
        { text: 'Who encrypts S3?', count: 2, reasons: { 'wrong-owner': 1, 'bad-source': 1 } },
      ]);
      expect(JSON.stringify(report)).not.toMatch(/U1|U2|U3/);
    });

    it('keeps one vote per user per question, the latest', async () => {
      const q = await store.logQuestion({ text: 'x?', answered: true, topicId: 't', at: at(0) });
      await store.recordFeedback({
        questionId: q,
        userId: 'U1',
        vote: 'down',
        reason: 'wrong-owner',
        at: at(1),
      });
      await store.recordFeedback({ questionId: q, userId: 'U1', vote: 'up', at: at(2) });
      expect((await store.report()).downvoted).toEqual([]);
    });

    it('saves and reads quiz settings', async () => {
      expect(await store.getQuizSettings()).toBeNull();
      const settings = { channel: 'C1', cron: '0 9 * * 1-5', tz: 'Europe/Berlin', enabled: true };
      await store.saveQuizSettings(settings);
      await store.saveQuizSettings({ ...settings, enabled: false });
      expect(await store.getQuizSettings()).toEqual({ ...settings, enabled: false });
    });

    it('claims a channel-day once; a release lets a retry claim it', async () => {
      const quiz = await store.claimPost('C1', '2026-03-02', question, at(0));
      expect(quiz).toMatchObject({
        ...question,
        channel: 'C1',
        localDate: '2026-03-02',
        ts: null,
        practice: false,
      });
      expect(await store.claimPost('C1', '2026-03-02', question, at(1))).toBeNull();
      expect(await store.claimPost('C2', '2026-03-02', question, at(1))).not.toBeNull();
      await store.releasePost(quiz?.id as string);
      const retry = await store.claimPost('C1', '2026-03-02', question, at(2));
      expect(retry).not.toBeNull();
      await store.updateQuiz(retry?.id as string, { ts: '1700000000.000100' });
      await store.releasePost(retry?.id as string); // posted: a release must not undo it
      expect(await store.claimPost('C1', '2026-03-02', question, at(60 * 24))).toBeNull();
    });

    it('lets exactly one of many concurrent claims win', async () => {
      const claims = await Promise.all(
        [1, 2, 3, 4].map(() => store.claimPost('C1', '2026-03-03', question, at(0))),
      );
      expect(claims.filter((c) => c !== null)).toHaveLength(1);
    });

    it('takes over an unposted claim whose lease ran out (the poster crashed)', async () => {
      await store.claimPost('C1', '2026-03-04', question, at(0), 5 * 60_000);
      expect(await store.claimPost('C1', '2026-03-04', question, at(1), 5 * 60_000)).toBeNull();
      expect(await store.claimPost('C1', '2026-03-04', question, at(6), 5 * 60_000)).not.toBeNull();
      expect(await store.listQuizzes('C1')).toHaveLength(1);
    });

    it('reads quizzes back, lists them by day, and marks the reveal', async () => {
      const second = await store.claimPost('C1', '2026-03-03', { ...question, serviceId: null }, at(1));
      const first = await store.claimPost('C1', '2026-03-02', question, at(0));
      await store.updateQuiz(first?.id as string, { ts: '1.1', revealedAt: at(60) });
      const read = await store.getQuiz(first?.id as string);
      expect(read).toMatchObject({
        ts: '1.1',
        revealedAt: at(60),
        counts: { AWS: 0, Customer: 0, Shared: 0 },
      });
      expect(read?.createdAt).toEqual(at(0));
      expect((await store.listQuizzes('C1')).map((q) => q.id)).toEqual([first?.id, second?.id]);
      expect(await store.getQuiz('999999')).toBeNull();
    });

    it('records the first answer per user; later clicks learn what they chose', async () => {
      const quiz = (await store.claimPost('C1', '2026-03-02', question, at(0))) as { id: string };
      const first = await store.recordAnswer({
        quizId: quiz.id,
        userId: 'U1',
        choice: 'Customer',
        at: at(1),
      });
      expect(first).toEqual({
        status: 'accepted',
        correct: false,
        counts: { AWS: 0, Customer: 1, Shared: 0 },
      });
      const again = await store.recordAnswer({ quizId: quiz.id, userId: 'U1', choice: 'AWS', at: at(2) });
      expect(again).toMatchObject({ status: 'already', choice: 'Customer', correct: false });
      const other = await store.recordAnswer({ quizId: quiz.id, userId: 'U2', choice: 'AWS', at: at(3) });
      expect(other).toEqual({
        status: 'accepted',
        correct: true,
        counts: { AWS: 1, Customer: 1, Shared: 0 },
      });
      expect((await store.getQuiz(quiz.id))?.counts).toEqual({ AWS: 1, Customer: 1, Shared: 0 });
      expect(await store.recordAnswer({ quizId: '999999', userId: 'U1', choice: 'AWS', at: at(4) })).toEqual({
        status: 'unknown-quiz',
      });
    });

    it('records one answer for a double click', async () => {
      const quiz = (await store.claimPost('C1', '2026-03-02', question, at(0))) as { id: string };
      const results = await Promise.all([
        store.recordAnswer({ quizId: quiz.id, userId: 'U1', choice: 'AWS', at: at(1) }),
        store.recordAnswer({ quizId: quiz.id, userId: 'U1', choice: 'Shared', at: at(1) }),
      ]);
      expect(results.map((r) => r.status).sort()).toEqual(['accepted', 'already']);
      expect(await store.listAnswers({ channel: 'C1' })).toHaveLength(1);
    });

    it('lists answers with their quiz, keeping practice out of channel queries', async () => {
      const day1 = (await store.claimPost('C1', '2026-03-02', question, at(0))) as { id: string };
      const day2 = (await store.claimPost(
        'C1',
        '2026-03-03',
        { ...question, owner: 'Shared' },
        at(60 * 24),
      )) as {
        id: string;
      };
      const practice = await store.createPractice('U1', { ...question, serviceId: null }, at(5));
      expect(practice).toMatchObject({ practice: true, userId: 'U1', channel: null, localDate: null });
      await store.recordAnswer({ quizId: day1.id, userId: 'U1', choice: 'AWS', at: at(1) });
      await store.recordAnswer({ quizId: practice.id, userId: 'U1', choice: 'Customer', at: at(6) });
      await store.recordAnswer({ quizId: day2.id, userId: 'U2', choice: 'Shared', at: at(60 * 24 + 1) });
      await store.recordAnswer({ quizId: day2.id, userId: 'U1', choice: 'AWS', at: at(60 * 24 + 2) });
      const channel = await store.listAnswers({ channel: 'C1' });
      expect(channel.map((a) => [a.userId, a.localDate, a.correct])).toEqual([
        ['U1', '2026-03-02', true],
        ['U2', '2026-03-03', true],
        ['U1', '2026-03-03', false],
      ]);
      expect(channel[0]).toMatchObject({
        quizId: day1.id,
        choice: 'AWS',
        practice: false,
        topicId: question.topicId,
      });
      const mine = await store.listAnswers({ userId: 'U1' });
      expect(mine.map((a) => a.practice)).toEqual([false, true, false]);
      expect(mine[1]).toMatchObject({ serviceId: null, correct: false, channel: null });
      expect(await store.listAnswers({ channel: 'C1', userId: 'U2' })).toHaveLength(1);
    });

    it('records 200 users answering concurrently exactly once each', async () => {
      const quiz = (await store.claimPost('C1', '2026-03-02', question, at(0))) as { id: string };
      const users = Array.from({ length: 200 }, (_, i) => `U${i}`);
      const clicks = users.flatMap((userId) =>
        (['AWS', 'Customer'] as const).map((choice) =>
          store.recordAnswer({ quizId: quiz.id, userId, choice, at: at(1) }),
        ),
      );
      const results = await Promise.all(clicks);
      expect(results.filter((r) => r.status === 'accepted')).toHaveLength(200);
      const counts = (await store.getQuiz(quiz.id))?.counts;
      expect((counts?.AWS ?? 0) + (counts?.Customer ?? 0)).toBe(200);
    });
  });
}
