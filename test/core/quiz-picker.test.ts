// Quiz picker: rotation without repeats, reshuffle, service variants, practice on past mistakes, question text.
import { describe, expect, it } from 'vitest';
import {
  ownerFor,
  pickPractice,
  pickQuiz,
  type QuizQuestion,
  questionText,
  seededRandom,
} from '../../src/core/quiz-picker.ts';
import type { KnowledgeBase, Service, Topic } from '../../src/core/types.ts';

const service = (id: string, short: string, category: Service['category']): Service => ({
  id,
  name: `Amazon ${short}`,
  short,
  aliases: [id],
  category,
});
const topic = (id: string, extra: Partial<Topic> = {}): Topic => ({
  id,
  area: 'Test',
  title: id.replaceAll('-', ' '),
  phrasings: [],
  keywords: [],
  owner: 'Customer',
  services: {},
  categories: {},
  rationale: 'because',
  source: 'https://docs.aws.amazon.com/',
  reviewed: '2026-01-01',
  quiz: true,
  ...extra,
});

const ec2 = service('ec2', 'EC2', 'infrastructure');
const rds = service('rds', 'RDS', 'container');
const s3 = service('s3', 'S3', 'abstracted');
const patching = topic('guest-os-patching', {
  title: 'Guest OS patching',
  owner: 'Customer',
  categories: { container: { owner: 'AWS' }, abstracted: { owner: 'AWS' } },
});
const kb: KnowledgeBase = {
  services: [ec2, rds, s3],
  topics: [
    topic('iam-users'),
    topic('physical-security', { owner: 'AWS', title: 'Physical security' }),
    topic('data-classification'),
    topic('not-quizzed', { quiz: false }),
    patching,
    topic('encryption', {
      owner: undefined,
      services: { s3: { owner: 'Shared' } },
      categories: { infrastructure: { owner: 'Customer' } },
    }),
  ],
};
const quizable = kb.topics.filter((t) => t.quiz).map((t) => t.id);

function run(days: number, seed: number): QuizQuestion[] {
  const random = seededRandom(seed);
  const history: QuizQuestion[] = [];
  for (let i = 0; i < days; i++) {
    const q = pickQuiz(kb, history, { random });
    if (!q) throw new Error('no question');
    history.push(q);
  }
  return history;
}

describe('pickQuiz', () => {
  it.each([1, 2, 3, 42])('asks every quiz-able topic once per round, then reshuffles (seed %i)', (seed) => {
    const history = run(quizable.length * 3, seed);
    for (let round = 0; round < 3; round++) {
      const ids = history.slice(round * quizable.length, (round + 1) * quizable.length).map((q) => q.topicId);
      expect([...ids].sort()).toEqual([...quizable].sort());
    }
    // No topic twice in a row across a round boundary.
    for (let i = 1; i < history.length; i++) expect(history[i]?.topicId).not.toBe(history[i - 1]?.topicId);
  });

  it('is deterministic for a seed and never asks a non-quiz topic', () => {
    expect(run(10, 7)).toEqual(run(10, 7));
    expect(run(30, 9).some((q) => q.topicId === 'not-quizzed')).toBe(false);
  });

  it('always asks a topic without a default owner on a service, with the right owner', () => {
    for (const q of run(40, 5).filter((q) => q.topicId === 'encryption')) {
      expect(q.serviceId).not.toBeNull();
      expect(q.owner).toBe(
        ownerFor(kb.topics[5] as Topic, kb.services.find((s) => s.id === q.serviceId) ?? null),
      );
    }
  });

  it('sometimes asks a service-dependent topic on a service, and comes back with another one', () => {
    const asked = run(5 * 30, 11).filter((q) => q.topicId === patching.id);
    expect(asked.some((q) => q.serviceId === null)).toBe(true);
    const services = asked.map((q) => q.serviceId).filter(Boolean);
    expect(new Set(services).size).toBeGreaterThan(1);
    expect(asked.find((q) => q.serviceId === 'rds')?.owner ?? 'AWS').toBe('AWS');
    expect(asked.find((q) => q.serviceId === 'ec2')?.owner ?? 'Customer').toBe('Customer');
  });

  it('never asks a topic with an owner only when a service is named on no service', () => {
    const plain = run(30, 3).filter((q) => q.topicId === 'iam-users');
    expect(plain.every((q) => q.serviceId === null && q.owner === 'Customer')).toBe(true);
  });

  it('returns null for an empty pool and ignores history of removed topics', () => {
    expect(pickQuiz({ topics: [], services: [] }, [], { random: seededRandom(1) })).toBeNull();
    const q = pickQuiz(kb, [{ topicId: 'gone', serviceId: null }], { random: seededRandom(1) });
    expect(quizable).toContain(q?.topicId);
  });
});

describe('pickPractice', () => {
  const at = (d: number) => new Date(Date.UTC(2026, 2, d));
  it('asks again what the user got wrong, on the same service', () => {
    const answers = [
      { topicId: 'iam-users', serviceId: null, correct: true, at: at(1) },
      { topicId: patching.id, serviceId: 'rds', correct: false, at: at(2) },
    ];
    expect(pickPractice(kb, answers, { random: seededRandom(1) })).toEqual({
      topicId: patching.id,
      serviceId: 'rds',
      owner: 'AWS',
    });
  });

  it('forgets a mistake once corrected, then prefers topics never answered', () => {
    const answers = [
      { topicId: 'iam-users', serviceId: null, correct: false, at: at(1) },
      { topicId: 'iam-users', serviceId: null, correct: true, at: at(2) },
    ];
    for (let seed = 0; seed < 20; seed++) {
      expect(pickPractice(kb, answers, { random: seededRandom(seed) })?.topicId).not.toBe('iam-users');
    }
  });
});

describe('questionText', () => {
  it.each([
    [patching, null, 'Who is responsible for guest OS patching?'],
    [patching, rds, 'Who is responsible for guest OS patching on RDS?'],
    [topic('x', { title: 'IAM policies' }), null, 'Who is responsible for IAM policies?'],
  ])('%#', (t, s, text) => {
    expect(questionText(t, s)).toBe(text);
  });
});
