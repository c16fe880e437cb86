-- The audit log keyed by its row id. "seq BIGINT PRIMARY KEY" (0002) made
-- SQLite keep the rows in one b-tree and seq in a second one (only INTEGER
-- PRIMARY KEY names the row id), so every entry was written twice. Same
-- columns and values, in the same order: the hash chain is untouched.

CREATE TABLE audit_log_by_seq (
  seq {{id_pk}},
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

INSERT INTO audit_log_by_seq (seq, at, actor_user_id, actor_agency_id, action, object_type,
                              object_id, source_ip, outcome, hash)
SELECT seq, at, actor_user_id, actor_agency_id, action, object_type, object_id, source_ip,
       outcome, hash
FROM audit_log ORDER BY seq;

DROP TABLE audit_log;
ALTER TABLE audit_log_by_seq RENAME TO audit_log;
