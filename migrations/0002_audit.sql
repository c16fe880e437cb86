-- The append-only, hash-chained audit log (src/audit/audit_log.h).
-- seq is assigned by the application from audit_head, so entries are
-- contiguous from 1; hash links each entry to the previous one.

CREATE TABLE audit_log (
  seq BIGINT PRIMARY KEY,
  at BIGINT NOT NULL,
  actor_user_id BIGINT,
  actor_agency_id BIGINT,
  action TEXT NOT NULL,
  object_type TEXT NOT NULL,
  object_id TEXT NOT NULL,
  source_ip TEXT NOT NULL,
  outcome TEXT NOT NULL,
  hash {{bytes}} NOT NULL
);

CREATE TABLE audit_head (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  seq BIGINT NOT NULL,
  hash {{bytes}} NOT NULL
);
