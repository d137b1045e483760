// SQLite schema, versioned: append a new entry for every change, never edit an applied one.
import type { Migration } from './migration.ts';

export const sqliteMigrations: Migration[] = [
  {
    version: 1,
    name: 'init',
    sql: `
CREATE TABLE event_claims (event_id TEXT PRIMARY KEY, claimed_at INTEGER NOT NULL);
CREATE INDEX event_claims_claimed_at ON event_claims (claimed_at);

CREATE TABLE questions (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  text TEXT NOT NULL,
  norm TEXT NOT NULL,
  answered INTEGER NOT NULL,
  topic_id TEXT,
  at INTEGER NOT NULL
);
CREATE TABLE feedback (
  question_id INTEGER NOT NULL REFERENCES questions (id),
  user_id TEXT NOT NULL,
  vote TEXT NOT NULL CHECK (vote IN ('up', 'down')),
  reason TEXT,
  at INTEGER NOT NULL,
  PRIMARY KEY (question_id, user_id)
);

CREATE TABLE quiz_settings (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  channel TEXT,
  cron TEXT NOT NULL,
  tz TEXT NOT NULL,
  enabled INTEGER NOT NULL
);
-- UNIQUE (channel, local_date) is the exactly-once rule for daily posts; practice rows have NULLs there.
CREATE TABLE quizzes (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  channel TEXT,
  local_date TEXT,
  user_id TEXT,
  practice INTEGER NOT NULL,
  topic_id TEXT NOT NULL,
  service_id TEXT,
  owner TEXT NOT NULL CHECK (owner IN ('AWS', 'Customer', 'Shared')),
  ts TEXT,
  created_at INTEGER NOT NULL,
  revealed_at INTEGER,
  UNIQUE (channel, local_date)
);
-- PRIMARY KEY (quiz_id, user_id): one answer per person per question, the first wins.
CREATE TABLE answers (
  quiz_id INTEGER NOT NULL REFERENCES quizzes (id),
  user_id TEXT NOT NULL,
  choice TEXT NOT NULL CHECK (choice IN ('AWS', 'Customer', 'Shared')),
  at INTEGER NOT NULL,
  PRIMARY KEY (quiz_id, user_id)
);
CREATE INDEX answers_user ON answers (user_id);
`,
  },
];
