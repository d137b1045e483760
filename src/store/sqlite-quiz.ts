// The quiz half of the SQLite Store: claims, practice questions, answers (first wins) and settings.
import type Database from 'better-sqlite3';
import type { Owner } from '../core/types.ts';
import { parseId, type QuizPart, toCounts } from './rows.ts';
import { type AnswerRow, DEFAULT_CLAIM_LEASE_MS, type Quiz } from './store.ts';

interface QuizRecord {
  id: number;
  channel: string | null;
  local_date: string | null;
  user_id: string | null;
  practice: number;
  topic_id: string;
  service_id: string | null;
  owner: Owner;
  ts: string | null;
  created_at: number;
  revealed_at: number | null;
}

function toQuiz(r: QuizRecord): Quiz {
  return {
    id: String(r.id),
    channel: r.channel,
    localDate: r.local_date,
    userId: r.user_id,
    practice: r.practice === 1,
    topicId: r.topic_id,
    serviceId: r.service_id,
    owner: r.owner,
    ts: r.ts,
    createdAt: new Date(r.created_at),
    revealedAt: r.revealed_at === null ? null : new Date(r.revealed_at),
  };
}

// A claim may be dropped only while nothing proves it was posted: no ts and no answers.
const UNPOSTED =
  'ts IS NULL AND practice = 0 AND NOT EXISTS (SELECT 1 FROM answers a WHERE a.quiz_id = quizzes.id)';

export function createSqliteQuizPart(db: Database.Database): QuizPart {
  const insertQuiz = db.prepare(`
    INSERT INTO quizzes (channel, local_date, user_id, practice, topic_id, service_id, owner, created_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING RETURNING *`);
  const counts = db.prepare('SELECT choice, count(*) AS n FROM answers WHERE quiz_id = ? GROUP BY choice');
  const ownerOf = db.prepare('SELECT owner FROM quizzes WHERE id = ?');
  const insertAnswer = db.prepare(
    'INSERT OR IGNORE INTO answers (quiz_id, user_id, choice, at) VALUES (?, ?, ?, ?)',
  );
  const choiceOf = db.prepare('SELECT choice FROM answers WHERE quiz_id = ? AND user_id = ?');

  const claim = db.transaction(
    (channel: string, localDate: string, q: Quiz, now: number, leaseMs: number) => {
      db.prepare(
        `DELETE FROM quizzes WHERE channel = ? AND local_date = ? AND created_at < ? AND ${UNPOSTED}`,
      ).run(channel, localDate, now - leaseMs);
      const row = insertQuiz.get(channel, localDate, null, 0, q.topicId, q.serviceId, q.owner, now) as
        | QuizRecord
        | undefined;
      return row ? toQuiz(row) : null;
    },
  );

  const answer = db.transaction((quizId: number, userId: string, choice: Owner, at: number) => {
    const quiz = ownerOf.get(quizId) as { owner: Owner } | undefined;
    if (!quiz) return { status: 'unknown-quiz' as const };
    const accepted = insertAnswer.run(quizId, userId, choice, at).changes === 1;
    const tally = toCounts(counts.all(quizId) as { choice: string; n: number }[]);
    if (accepted) return { status: 'accepted' as const, correct: choice === quiz.owner, counts: tally };
    const earlier = (choiceOf.get(quizId, userId) as { choice: Owner }).choice;
    return { status: 'already' as const, choice: earlier, correct: earlier === quiz.owner, counts: tally };
  });

  return {
    async getQuizSettings() {
      const row = db.prepare('SELECT channel, cron, tz, enabled FROM quiz_settings WHERE id = 1').get() as
        | { channel: string | null; cron: string; tz: string; enabled: number }
        | undefined;
      return row ? { ...row, enabled: row.enabled === 1 } : null;
    },
    async saveQuizSettings(s) {
      db.prepare(
        `INSERT INTO quiz_settings (id, channel, cron, tz, enabled) VALUES (1, ?, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET channel = excluded.channel, cron = excluded.cron, tz = excluded.tz, enabled = excluded.enabled`,
      ).run(s.channel, s.cron, s.tz, s.enabled ? 1 : 0);
    },

    async claimPost(channel, localDate, question, now, leaseMs = DEFAULT_CLAIM_LEASE_MS) {
      return claim.immediate(channel, localDate, question as Quiz, now.getTime(), leaseMs);
    },
    async releasePost(quizId) {
      db.prepare(`DELETE FROM quizzes WHERE id = ? AND ${UNPOSTED}`).run(parseId(quizId));
    },
    async createPractice(userId, q, now) {
      const row = insertQuiz.get(
        null,
        null,
        userId,
        1,
        q.topicId,
        q.serviceId,
        q.owner,
        now.getTime(),
      ) as QuizRecord;
      return toQuiz(row);
    },
    async updateQuiz(quizId, patch) {
      db.prepare(
        'UPDATE quizzes SET ts = coalesce(?, ts), revealed_at = coalesce(?, revealed_at) WHERE id = ?',
      ).run(patch.ts ?? null, patch.revealedAt?.getTime() ?? null, parseId(quizId));
    },
    async getQuiz(quizId) {
      const row = db.prepare('SELECT * FROM quizzes WHERE id = ?').get(parseId(quizId)) as
        | QuizRecord
        | undefined;
      return row
        ? { ...toQuiz(row), counts: toCounts(counts.all(row.id) as { choice: string; n: number }[]) }
        : null;
    },
    async listQuizzes(channel) {
      const rows = db
        .prepare('SELECT * FROM quizzes WHERE channel = ? ORDER BY local_date')
        .all(channel) as QuizRecord[];
      return rows.map(toQuiz);
    },

    async recordAnswer({ quizId, userId, choice, at }) {
      const id = parseId(quizId);
      if (id === null) return { status: 'unknown-quiz' };
      return answer.immediate(id, userId, choice, at.getTime());
    },
    async listAnswers({ channel, userId }) {
      const rows = db
        .prepare(
          `SELECT a.quiz_id, a.user_id, a.choice, a.at, q.owner, q.practice, q.channel, q.local_date, q.topic_id, q.service_id
           FROM answers a JOIN quizzes q ON q.id = a.quiz_id
           WHERE (@channel IS NULL OR q.channel = @channel) AND (@user IS NULL OR a.user_id = @user)
           ORDER BY a.at, a.rowid`,
        )
        .all({ channel: channel ?? null, user: userId ?? null }) as (Omit<QuizRecord, 'id'> & {
        quiz_id: number;
        at: number;
        choice: Owner;
      })[];
      return rows.map(
        (r): AnswerRow => ({
          quizId: String(r.quiz_id),
          userId: r.user_id as string,
          choice: r.choice,
          correct: r.choice === r.owner,
          at: new Date(r.at),
          practice: r.practice === 1,
          channel: r.channel,
          localDate: r.local_date,
          topicId: r.topic_id,
          serviceId: r.service_id,
        }),
      );
    },
  };
}
