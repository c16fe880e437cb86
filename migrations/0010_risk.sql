-- Risk (src/risk/): instruments loaded by agencies, every assessment and escalation of a case's
-- risk level, re-assessments demanded by events, and incidents recorded in a case.
-- Levels, scores and codes are in the clear for queues and statistics; the answers (they say
-- whether she is pregnant, was strangled, ...) and the officer's reason for raising a level are
-- encrypted (*_enc, context "risk_entries.<field>").

-- Instrument files loaded through the API; the shipped one is compiled in and not stored here.
CREATE TABLE risk_instruments (
  id {{id_pk}},
  code TEXT NOT NULL,
  version BIGINT NOT NULL,
  source TEXT NOT NULL,
  loaded_at BIGINT NOT NULL,
  loaded_by_user_id BIGINT REFERENCES users (id),
  UNIQUE (code, version)
);

-- A case's risk history, oldest first: the latest entry holds the current level.
CREATE TABLE risk_entries (
  id {{id_pk}},
  case_id BIGINT NOT NULL REFERENCES cases (id),
  kind TEXT NOT NULL CHECK (kind IN ('assessment', 'escalation')),
  level TEXT NOT NULL CHECK (level IN ('low', 'medium', 'high', 'extreme')),
  at BIGINT NOT NULL,
  user_id BIGINT REFERENCES users (id),
  -- assessments only
  instrument_code TEXT,
  instrument_version BIGINT,
  score BIGINT,
  computed_level TEXT CHECK (computed_level IN ('low', 'medium', 'high', 'extreme')),
  answers_enc {{bytes}},
  raise_reason_enc {{bytes}},
  -- escalations only
  reason_code TEXT,
  CHECK ((kind = 'assessment' AND score IS NOT NULL AND answers_enc IS NOT NULL) OR
         (kind = 'escalation' AND reason_code IS NOT NULL))
);
CREATE INDEX risk_entries_case ON risk_entries (case_id, id);

-- A re-assessment an event made due (a new incident, an order violation); the next assessment
-- of the case deletes it. At most one per case: the earliest demand stands.
CREATE TABLE risk_reassessments (
  case_id BIGINT PRIMARY KEY REFERENCES cases (id),
  reason TEXT NOT NULL CHECK (reason IN ('new_incident', 'order_violation')),
  required_at BIGINT NOT NULL
);

-- Incidents recorded in a case after it was opened (intake incident type codes).
CREATE TABLE case_incidents (
  id {{id_pk}},
  case_id BIGINT NOT NULL REFERENCES cases (id),
  occurred_on TEXT NOT NULL,
  types TEXT NOT NULL,
  recorded_at BIGINT NOT NULL,
  recorded_by_user_id BIGINT REFERENCES users (id)
);
CREATE INDEX case_incidents_case ON case_incidents (case_id, id);
