-- Agencies, staff accounts and their sessions.
-- Personal data (usernames, display names) is stored encrypted (*_enc) with a
-- keyed blind index (*_bidx) for equality lookups; see src/crypto/.

CREATE TABLE agencies (
  id {{id_pk}},
  name TEXT NOT NULL,
  kind TEXT NOT NULL,
  region_kato TEXT NOT NULL,
  created_at BIGINT NOT NULL
);

CREATE TABLE users (
  id {{id_pk}},
  username_bidx {{bytes}} NOT NULL UNIQUE,
  username_enc {{bytes}} NOT NULL,
  display_name_enc {{bytes}} NOT NULL,
  password_hash TEXT NOT NULL,
  role TEXT NOT NULL,
  agency_id BIGINT NOT NULL REFERENCES agencies (id),
  status TEXT NOT NULL DEFAULT 'active',
  failed_logins INTEGER NOT NULL DEFAULT 0,
  locked_until BIGINT NOT NULL DEFAULT 0,
  created_at BIGINT NOT NULL,
  password_changed_at BIGINT NOT NULL
);
CREATE INDEX users_agency ON users (agency_id);

-- Only a hash of the session token is stored: a copy of the database does
-- not let anyone act as a logged-in user.
CREATE TABLE sessions (
  id {{id_pk}},
  token_hash {{bytes}} NOT NULL UNIQUE,
  user_id BIGINT NOT NULL REFERENCES users (id),
  csrf_token TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  last_seen_at BIGINT NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);
