// The quiz half of the in-memory Store: claims, practice questions, answers (first wins) and settings.
import type { Owner } from '../core/types.ts';
import { emptyCounts, type QuizPart } from './rows.ts';
import {
  type AnswerCounts,
  type AnswerRow,
  DEFAULT_CLAIM_LEASE_MS,
  type Quiz,
  type QuizSettings,
} from './store.ts';

interface StoredAnswer {
  userId: string;
  choice: Owner;
  at: Date;
}

export function createMemoryQuizPart(): QuizPart {
  let settings: QuizSettings | null = null;
  const quizzes = new Map<string, Quiz>();
  const answers = new Map<string, Map<string, StoredAnswer>>(); // quizId → userId → answer
  let nextId = 1;

  const countsOf = (quizId: string): AnswerCounts => {
    const counts = emptyCounts();
    for (const a of answers.get(quizId)?.values() ?? []) counts[a.choice] += 1;
    return counts;
  };
  const copy = (quiz: Quiz): Quiz => ({ ...quiz });

  return {
    async getQuizSettings() {
      return settings && { ...settings };
    },
    async saveQuizSettings(next) {
      settings = { ...next };
    },

    async claimPost(channel, localDate, question, now, leaseMs = DEFAULT_CLAIM_LEASE_MS) {
      const existing = [...quizzes.values()].find((q) => q.channel === channel && q.localDate === localDate);
      if (existing) {
        if (existing.ts !== null || now.getTime() - existing.createdAt.getTime() < leaseMs) return null;
        quizzes.delete(existing.id); // a stale claim from a crashed poster: take it over
      }
      const quiz: Quiz = {
        ...question,
        id: String(nextId++),
        channel,
        localDate,
        userId: null,
        practice: false,
        ts: null,
        createdAt: new Date(now),
        revealedAt: null,
      };
      quizzes.set(quiz.id, quiz);
      return copy(quiz);
    },

    async releasePost(quizId) {
      const quiz = quizzes.get(quizId);
      if (quiz && !quiz.practice && quiz.ts === null) quizzes.delete(quizId);
    },

    async createPractice(userId, question, now) {
      const quiz: Quiz = {
        ...question,
        id: String(nextId++),
        channel: null,
        localDate: null,
        userId,
        practice: true,
        ts: null,
        createdAt: new Date(now),
        revealedAt: null,
      };
      quizzes.set(quiz.id, quiz);
      return copy(quiz);
    },

    async updateQuiz(quizId, patch) {
      const quiz = quizzes.get(quizId);
      if (!quiz) return;
      if (patch.ts !== undefined) quiz.ts = patch.ts;
      if (patch.revealedAt !== undefined) quiz.revealedAt = new Date(patch.revealedAt);
    },

    async getQuiz(quizId) {
      const quiz = quizzes.get(quizId);
      return quiz ? { ...quiz, counts: countsOf(quizId) } : null;
    },

    async listQuizzes(channel) {
      return [...quizzes.values()]
        .filter((q) => q.channel === channel)
        .sort((a, b) => (a.localDate ?? '').localeCompare(b.localDate ?? ''))
        .map(copy);
    },

    async recordAnswer({ quizId, userId, choice, at }) {
      const quiz = quizzes.get(quizId);
      if (!quiz) return { status: 'unknown-quiz' };
      const byUser = answers.get(quizId) ?? new Map<string, StoredAnswer>();
      answers.set(quizId, byUser);
      const earlier = byUser.get(userId);
      if (earlier) {
        return {
          status: 'already',
          choice: earlier.choice,
          correct: earlier.choice === quiz.owner,
          counts: countsOf(quizId),
        };
      }
      byUser.set(userId, { userId, choice, at: new Date(at) });
      return { status: 'accepted', correct: choice === quiz.owner, counts: countsOf(quizId) };
    },

    async listAnswers(filter) {
      const rows: AnswerRow[] = [];
      for (const [quizId, byUser] of answers) {
        const quiz = quizzes.get(quizId);
        if (!quiz || (filter.channel !== undefined && quiz.channel !== filter.channel)) continue;
        for (const a of byUser.values()) {
          if (filter.userId !== undefined && a.userId !== filter.userId) continue;
          rows.push({
            quizId,
            userId: a.userId,
            choice: a.choice,
            correct: a.choice === quiz.owner,
            at: new Date(a.at),
            practice: quiz.practice,
            channel: quiz.channel,
            localDate: quiz.localDate,
            topicId: quiz.topicId,
            serviceId: quiz.serviceId,
          });
        }
      }
      return rows.sort((a, b) => a.at.getTime() - b.at.getTime());
    },
  };
}
