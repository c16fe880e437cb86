-- The sign-in epoch: a counter that every change able to end or alter a
-- logged-in principal moves forward, in the same transaction as the change.
-- The server remembers recent principals (src/accounts/principal_cache.h) and
-- uses one only while this counter has not moved, so a logout, a disabled
-- user or a changed agency takes effect with the commit that makes it, even
-- when another process (the `qorgau user` commands) makes it.
--
-- Triggers, rather than code in each store, so that no writer can forget the
-- bump. A session's once-a-minute last_seen_at refresh does not move it.
-- (SQLite trigger syntax: a PostgreSQL engine carries its own equivalent.)

CREATE TABLE auth_epoch (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  epoch BIGINT NOT NULL
);
INSERT INTO auth_epoch (id, epoch) VALUES (1, 0);

CREATE TRIGGER auth_epoch_session_deleted AFTER DELETE ON sessions
BEGIN
  UPDATE auth_epoch SET epoch = epoch + 1 WHERE id = 1;
END;

CREATE TRIGGER auth_epoch_session_changed
AFTER UPDATE OF token_hash, user_id, csrf_token, created_at ON sessions
BEGIN
  UPDATE auth_epoch SET epoch = epoch + 1 WHERE id = 1;
END;

CREATE TRIGGER auth_epoch_user_changed AFTER UPDATE ON users
BEGIN
  UPDATE auth_epoch SET epoch = epoch + 1 WHERE id = 1;
END;

CREATE TRIGGER auth_epoch_user_deleted AFTER DELETE ON users
BEGIN
  UPDATE auth_epoch SET epoch = epoch + 1 WHERE id = 1;
END;

CREATE TRIGGER auth_epoch_agency_changed AFTER UPDATE ON agencies
BEGIN
  UPDATE auth_epoch SET epoch = epoch + 1 WHERE id = 1;
END;

CREATE TRIGGER auth_epoch_agency_deleted AFTER DELETE ON agencies
BEGIN
  UPDATE auth_epoch SET epoch = epoch + 1 WHERE id = 1;
END;
