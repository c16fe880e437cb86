-- The in-server scheduler (src/scheduler/): things that must happen at a
-- time (an order's expiry, a risk review falling due, a reminder). A job is
-- one (kind, subject, due time); scheduling the same one twice stores it once.
-- A job is run and marked done in one transaction, so it happens exactly once
-- even if the server stops at any moment: a job due while the server was down
-- runs when it starts again. Codes and ids only, never personal data.

CREATE TABLE scheduled_jobs (
  id {{id_pk}},
  kind TEXT NOT NULL,
  subject_id BIGINT NOT NULL,
  due_at BIGINT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('pending', 'done', 'cancelled', 'failed')),
  next_attempt_at BIGINT NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0,
  last_error TEXT,
  created_at BIGINT NOT NULL,
  finished_at BIGINT,
  UNIQUE (kind, subject_id, due_at)
);
CREATE INDEX scheduled_jobs_pending ON scheduled_jobs (state, next_attempt_at);
CREATE INDEX scheduled_jobs_subject ON scheduled_jobs (kind, subject_id);
