// PostgreSQL Store for several replicas: unique constraints make claims and answers exactly-once across them.
import { postgresMigrations } from './migrations/postgres.ts';
import { createPool, migrate, type PoolOptions } from './postgres-pool.ts';
import { createPostgresQuizPart } from './postgres-quiz.ts';
import { buildRows, normalizeQuestion, type ReportInput } from './report.ts';
import { parseId } from './rows.ts';
import { DEFAULT_EVENT_KEEP_MS, type Store } from './store.ts';

export type PostgresStoreOptions = PoolOptions;

/** Connect, migrate (once across replicas) and return the store; rejects with StoreUnavailableError if unreachable. */
export async function createPostgresStore(url: string, options: PostgresStoreOptions = {}): Promise<Store> {
  const { pool, query } = createPool(url, options);
  try {
    await migrate(pool, postgresMigrations, options.schema);
  } catch (error) {
    await pool.end().catch(() => {});
    throw error;
  }
  let closed = false;

  return {
    ...createPostgresQuizPart(query),

    async claimEvent(eventId, now, keepFor = DEFAULT_EVENT_KEEP_MS) {
      await query('DELETE FROM event_claims WHERE claimed_at < $1', [new Date(now.getTime() - keepFor)]);
      const result = await query(
        'INSERT INTO event_claims (event_id, claimed_at) VALUES ($1, $2) ON CONFLICT DO NOTHING',
        [eventId, now],
      );
      return result.rowCount === 1;
    },

    async logQuestion(q) {
      const { rows } = await query<{ id: string }>(
        'INSERT INTO questions (text, norm, answered, topic_id, at) VALUES ($1, $2, $3, $4, $5) RETURNING id',
        [q.text, normalizeQuestion(q.text), q.answered, q.topicId, q.at],
      );
      return String(rows[0]?.id);
    },

    async recordFeedback(f) {
      const id = parseId(f.questionId);
      if (id === null) return;
      await query(
        `INSERT INTO feedback (question_id, user_id, vote, reason, at)
         SELECT $1, $2, $3, $4, $5 WHERE EXISTS (SELECT 1 FROM questions WHERE id = $1)
         ON CONFLICT (question_id, user_id) DO UPDATE SET vote = excluded.vote, reason = excluded.reason, at = excluded.at`,
        [id, f.userId, f.vote, f.reason ?? null, f.at],
      );
    },

    async report() {
      const unanswered = await query<ReportInput>(
        'SELECT norm, text FROM questions WHERE NOT answered ORDER BY id',
      );
      const downvoted = await query<ReportInput>(
        `SELECT q.norm, q.text, f.reason FROM feedback f JOIN questions q ON q.id = f.question_id
         WHERE f.vote = 'down' ORDER BY q.id, f.at`,
      );
      return { unanswered: buildRows(unanswered.rows, false), downvoted: buildRows(downvoted.rows, true) };
    },

    async close() {
      if (closed) return;
      closed = true;
      await pool.end();
    },
  };
}
