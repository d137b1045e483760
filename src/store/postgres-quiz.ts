// The quiz half of the PostgreSQL Store: claims, practice questions, answers (first wins) and settings.
import type { Owner } from '../core/types.ts';
import type { Query } from './postgres-pool.ts';
import { parseId, type QuizPart, toCounts } from './rows.ts';
import { type AnswerCounts, type AnswerRow, DEFAULT_CLAIM_LEASE_MS, type Quiz } from './store.ts';

interface QuizRecord {
  id: string;
  channel: string | null;
  local_date: string | null;
  user_id: string | null;
  practice: boolean;
  topic_id: string;
  service_id: string | null;
  owner: Owner;
  ts: string | null;
  created_at: Date;
  revealed_at: Date | null;
}

function toQuiz(r: QuizRecord): Quiz {
  return {
    id: String(r.id),
    channel: r.channel,
    localDate: r.local_date,
    userId: r.user_id,
    practice: r.practice,
    topicId: r.topic_id,
    serviceId: r.service_id,
    owner: r.owner,
    ts: r.ts,
    createdAt: r.created_at,
    revealedAt: r.revealed_at,
  };
}

// A claim may be dropped only while nothing proves it was posted: no ts and no answers.
const UNPOSTED =
  'ts IS NULL AND NOT practice AND NOT EXISTS (SELECT 1 FROM answers a WHERE a.quiz_id = quizzes.id)';
const INSERT_QUIZ = `INSERT INTO quizzes (channel, local_date, user_id, practice, topic_id, service_id, owner, created_at)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT DO NOTHING RETURNING *`;

export function createPostgresQuizPart(query: Query): QuizPart {
  const countsOf = async (quizId: number | string): Promise<AnswerCounts> => {
    const { rows } = await query<{ choice: string; n: string }>(
      'SELECT choice, count(*) AS n FROM answers WHERE quiz_id = $1 GROUP BY choice',
      [quizId],
    );
    return toCounts(rows);
  };

  return {
    async getQuizSettings() {
      const { rows } = await query<{ channel: string | null; cron: string; tz: string; enabled: boolean }>(
        'SELECT channel, cron, tz, enabled FROM quiz_settings WHERE id = 1',
      );
      return rows[0] ?? null;
    },
    async saveQuizSettings(s) {
      await query(
        `INSERT INTO quiz_settings (id, channel, cron, tz, enabled) VALUES (1, $1, $2, $3, $4)
         ON CONFLICT (id) DO UPDATE SET channel = excluded.channel, cron = excluded.cron, tz = excluded.tz, enabled = excluded.enabled`,
        [s.channel, s.cron, s.tz, s.enabled],
      );
    },

    async claimPost(channel, localDate, q, now, leaseMs = DEFAULT_CLAIM_LEASE_MS) {
      // Safe without a transaction: a fresh claim is never older than the cutoff, so no replica deletes it.
      await query(
        `DELETE FROM quizzes WHERE channel = $1 AND local_date = $2 AND created_at < $3 AND ${UNPOSTED}`,
        [channel, localDate, new Date(now.getTime() - leaseMs)],
      );
      const { rows } = await query<QuizRecord>(INSERT_QUIZ, [
        channel,
        localDate,
        null,
        false,
        q.topicId,
        q.serviceId,
        q.owner,
        now,
      ]);
      return rows[0] ? toQuiz(rows[0]) : null;
    },
    async releasePost(quizId) {
      const id = parseId(quizId);
      if (id !== null) await query(`DELETE FROM quizzes WHERE id = $1 AND ${UNPOSTED}`, [id]);
    },
    async createPractice(userId, q, now) {
      const { rows } = await query<QuizRecord>(INSERT_QUIZ, [
        null,
        null,
        userId,
        true,
        q.topicId,
        q.serviceId,
        q.owner,
        now,
      ]);
      return toQuiz(rows[0] as QuizRecord);
    },
    async updateQuiz(quizId, patch) {
      const id = parseId(quizId);
      if (id === null) return;
      await query(
        'UPDATE quizzes SET ts = coalesce($1, ts), revealed_at = coalesce($2, revealed_at) WHERE id = $3',
        [patch.ts ?? null, patch.revealedAt ?? null, id],
      );
    },
    async getQuiz(quizId) {
      const id = parseId(quizId);
      if (id === null) return null;
      const { rows } = await query<QuizRecord>('SELECT * FROM quizzes WHERE id = $1', [id]);
      return rows[0] ? { ...toQuiz(rows[0]), counts: await countsOf(id) } : null;
    },
    async listQuizzes(channel) {
      const { rows } = await query<QuizRecord>(
        'SELECT * FROM quizzes WHERE channel = $1 ORDER BY local_date',
        [channel],
      );
      return rows.map(toQuiz);
    },

    async recordAnswer({ quizId, userId, choice, at }) {
      const id = parseId(quizId);
      const quiz =
        id === null
          ? undefined
          : (await query<{ owner: Owner }>('SELECT owner FROM quizzes WHERE id = $1', [id])).rows[0];
      if (!quiz) return { status: 'unknown-quiz' };
      const inserted = await query(
        'INSERT INTO answers (quiz_id, user_id, choice, at) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING',
        [id, userId, choice, at],
      );
      if (inserted.rowCount === 1)
        return { status: 'accepted', correct: choice === quiz.owner, counts: await countsOf(id as number) };
      // The conflicting row is committed by now (ON CONFLICT waited for it), so a fresh statement sees it.
      const { rows } = await query<{ choice: Owner }>(
        'SELECT choice FROM answers WHERE quiz_id = $1 AND user_id = $2',
        [id, userId],
      );
      const earlier = rows[0]?.choice as Owner;
      return {
        status: 'already',
        choice: earlier,
        correct: earlier === quiz.owner,
        counts: await countsOf(id as number),
      };
    },
    async listAnswers({ channel, userId }) {
      const { rows } = await query<Omit<QuizRecord, 'id'> & { quiz_id: string; at: Date; choice: Owner }>(
        `SELECT a.quiz_id, a.user_id, a.choice, a.at, q.owner, q.practice, q.channel, q.local_date, q.topic_id, q.service_id
         FROM answers a JOIN quizzes q ON q.id = a.quiz_id
         WHERE ($1::text IS NULL OR q.channel = $1) AND ($2::text IS NULL OR a.user_id = $2)
         ORDER BY a.at, a.quiz_id, a.user_id`,
        [channel ?? null, userId ?? null],
      );
      return rows.map(
        (r): AnswerRow => ({
          quizId: String(r.quiz_id),
          userId: r.user_id as string,
          choice: r.choice,
          correct: r.choice === r.owner,
          at: r.at,
          practice: r.practice,
          channel: r.channel,
          localDate: r.local_date,
          topicId: r.topic_id,
          serviceId: r.service_id,
        }),
      );
    },
  };
}
