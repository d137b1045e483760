// Map-backed Store for tests, the CLI and local runs; the reference behaviour the contract test pins down.
import { createMemoryQuizPart } from './memory-quiz.ts';
import { buildRows, normalizeQuestion, type ReportInput } from './report.ts';
import {
  DEFAULT_EVENT_KEEP_MS,
  type Feedback,
  type QuestionLog,
  type Store,
  type UsageReport,
} from './store.ts';

interface LoggedQuestion extends QuestionLog {
  norm: string;
}

export function createMemoryStore(): Store {
  const events = new Map<string, number>();
  const questions = new Map<string, LoggedQuestion>();
  const feedback = new Map<string, Feedback>(); // key: questionId + userId
  let nextQuestion = 1;

  return {
    ...createMemoryQuizPart(),

    async claimEvent(eventId, now, keepFor = DEFAULT_EVENT_KEEP_MS) {
      const cutoff = now.getTime() - keepFor;
      for (const [id, at] of events) if (at < cutoff) events.delete(id);
      if (events.has(eventId)) return false;
      events.set(eventId, now.getTime());
      return true;
    },

    async logQuestion(question) {
      const id = String(nextQuestion++);
      questions.set(id, { ...question, at: new Date(question.at), norm: normalizeQuestion(question.text) });
      return id;
    },

    async recordFeedback(vote) {
      if (!questions.has(vote.questionId)) return;
      feedback.set(`${vote.questionId}\u0000${vote.userId}`, { ...vote });
    },

    async report(): Promise<UsageReport> {
      const unanswered: ReportInput[] = [];
      for (const q of questions.values()) if (!q.answered) unanswered.push({ norm: q.norm, text: q.text });
      const downvoted: ReportInput[] = [];
      for (const f of feedback.values()) {
        const q = questions.get(f.questionId);
        if (q && f.vote === 'down') downvoted.push({ norm: q.norm, text: q.text, reason: f.reason });
      }
      return { unanswered: buildRows(unanswered, false), downvoted: buildRows(downvoted, true) };
    },

    async close() {},
  };
}
