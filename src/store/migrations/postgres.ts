// PostgreSQL schema, versioned: append a new entry for every change, never edit an applied one.
import type { Migration } from './migration.ts';

export const postgresMigrations: Migration[] = [
  {
    version: 1,
    name: 'init',
    sql: `
CREATE TABLE event_claims (event_id text PRIMARY KEY, claimed_at timestamptz NOT NULL);
CREATE INDEX event_claims_claimed_at ON event_claims (claimed_at);

CREATE TABLE questions (
  id bigserial PRIMARY KEY,
  text text NOT NULL,
  norm text NOT NULL,
  answered boolean NOT NULL,
  topic_id text,
  at timestamptz NOT NULL
);
CREATE TABLE feedback (
  question_id bigint NOT NULL REFERENCES questions (id),
  user_id text NOT NULL,
  vote text NOT NULL CHECK (vote IN ('up', 'down')),
  reason text,
  at timestamptz NOT NULL,
  PRIMARY KEY (question_id, user_id)
);

CREATE TABLE quiz_settings (
  id integer PRIMARY KEY CHECK (id = 1),
  channel text,
  cron text NOT NULL,
  tz text NOT NULL,
  enabled boolean NOT NULL
);
-- UNIQUE (channel, local_date) is the exactly-once rule for daily posts across replicas; practice rows have NULLs.
CREATE TABLE quizzes (
  id bigserial PRIMARY KEY,
  channel text,
  local_date text,
  user_id text,
  practice boolean NOT NULL,
  topic_id text NOT NULL,
  service_id text,
  owner text NOT NULL CHECK (owner IN ('AWS', 'Customer', 'Shared')),
  ts text,
  created_at timestamptz NOT NULL,
  revealed_at timestamptz,
  UNIQUE (channel, local_date)
);
-- PRIMARY KEY (quiz_id, user_id): one answer per person per question, the first wins.
CREATE TABLE answers (
  quiz_id bigint NOT NULL REFERENCES quizzes (id),
  user_id text NOT NULL,
  choice text NOT NULL CHECK (choice IN ('AWS', 'Customer', 'Shared')),
  at timestamptz NOT NULL,
  PRIMARY KEY (quiz_id, user_id)
);
CREATE INDEX answers_user ON answers (user_id);
`,
  },
];
