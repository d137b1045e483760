// A recording QuizPublisher for use-case tests: scripted failures, every publish/reveal/warning kept in order.
import type { PublishProblem, PublishResult, QuizPublisher } from '../../src/quiz/post-daily-quiz.ts';
import type { Quiz, QuizWithCounts } from '../../src/store/store.ts';

export interface FakePublisher extends QuizPublisher {
  published: { channel: string; quiz: Quiz }[];
  revealed: QuizWithCounts[];
  warnings: { problem: PublishProblem; channel: string }[];
  /** Next publishQuiz results, in order, before the default success. */
  failNext(...results: PublishResult[]): void;
}

export function createFakePublisher(): FakePublisher {
  const queue: PublishResult[] = [];
  let ts = 100;
  const fake: FakePublisher = {
    published: [],
    revealed: [],
    warnings: [],
    failNext: (...results) => void queue.push(...results),
    async publishQuiz(channel, quiz) {
      const scripted = queue.shift();
      if (scripted) return scripted;
      fake.published.push({ channel, quiz });
      ts += 1;
      return { ok: true, ts: `${ts}.000` };
    },
    async revealQuiz(quiz) {
      fake.revealed.push(quiz);
      return { ok: true, ts: quiz.ts ?? '' };
    },
    async warnAdmins(problem, channel) {
      fake.warnings.push({ problem, channel });
    },
  };
  return fake;
}

export const silentLogger = { info() {}, warn() {}, error() {} };
