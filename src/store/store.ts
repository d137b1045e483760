// The storage port: everything srm-bot persists goes through this one interface (memory, SQLite, PostgreSQL).

export type Vote = 'up' | 'down';
export type DownvoteReason = 'wrong-owner' | 'bad-source' | 'not-what-i-asked';

/** A question someone asked, kept (without who asked) so the knowledge base grows where users need it. */
export interface QuestionLog {
  text: string;
  answered: boolean;
  topicId: string | null;
  at: Date;
}

export interface Feedback {
  questionId: string;
  userId: string;
  vote: Vote;
  reason?: DownvoteReason;
  at: Date;
}

export interface ReportRow {
  text: string;
  count: number;
  /** Only for downvoted questions: how often each reason was given. */
  reasons?: Partial<Record<DownvoteReason, number>>;
}

export interface UsageReport {
  unanswered: ReportRow[];
  downvoted: ReportRow[];
}

export interface Store {
  /**
   * Claim a Slack event id; true only for the first claim, so a retried delivery is not answered twice.
   * Claims older than `keepFor` milliseconds may be pruned.
   */
  claimEvent(eventId: string, now: Date, keepFor?: number): Promise<boolean>;
  /** Log a question; returns its id for feedback buttons. */
  logQuestion(question: QuestionLog): Promise<string>;
  /** One vote per user per question: a later vote replaces the earlier one. */
  recordFeedback(feedback: Feedback): Promise<void>;
  /** Unanswered and downvoted questions with counts, most frequent first. */
  report(): Promise<UsageReport>;
  close(): Promise<void>;
}
