-- Protective orders and court restrictions (src/orders/). Codes, days and instants are in the
-- clear for lists and verification; free text and what names people (conditions with their
-- places, the protected person's contact route, the court decision number, a violation's place
-- and description) is encrypted (*_enc, context "orders.<column>" / "order_violations.<column>").
-- Status is not stored: it is derived at read time from served_at, revoked_at, ends_at and the
-- violations, so it is right without a scheduler.

CREATE TABLE orders (
  id {{id_pk}},
  case_id BIGINT NOT NULL REFERENCES cases (id),
  kind TEXT NOT NULL CHECK (kind IN ('police_protective', 'emergency',
    'court_special_requirements', 'court_cohabitation_ban', 'court_psychological_correction')),
  starts_on TEXT NOT NULL,
  ends_on TEXT NOT NULL,
  starts_at BIGINT NOT NULL,
  ends_at BIGINT NOT NULL,
  conditions_enc {{bytes}} NOT NULL,
  contact_route_enc {{bytes}} NOT NULL,
  court_name TEXT,
  court_decision_enc {{bytes}},
  -- The respondent (the case's aggressor), for verification in one indexed lookup: a blind index
  -- of the IIN and one of the folded full name with the birth date (NULL when unknown).
  respondent_iin_bidx {{bytes}},
  respondent_name_birth_bidx {{bytes}},
  issued_at BIGINT NOT NULL,
  issued_by_user_id BIGINT REFERENCES users (id),
  served_at BIGINT,
  served_by_user_id BIGINT REFERENCES users (id),
  extended INTEGER NOT NULL DEFAULT 0,
  revoked_at BIGINT,
  revoked_by_user_id BIGINT REFERENCES users (id),
  revoke_reason TEXT CHECK (revoke_reason IN ('court_decision', 'issued_in_error', 'other')),
  violated INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX orders_case ON orders (case_id, id);
CREATE INDEX orders_ending ON orders (ends_at);
CREATE INDEX orders_respondent_iin ON orders (respondent_iin_bidx, ends_at);
CREATE INDEX orders_respondent_name_birth ON orders (respondent_name_birth_bidx, ends_at);

CREATE TABLE order_violations (
  id {{id_pk}},
  order_id BIGINT NOT NULL REFERENCES orders (id),
  case_id BIGINT NOT NULL REFERENCES cases (id),
  occurred_at BIGINT NOT NULL,
  place_enc {{bytes}} NOT NULL,
  description_enc {{bytes}} NOT NULL,
  evidence_ids TEXT NOT NULL,
  recorded_at BIGINT NOT NULL,
  recorded_by_user_id BIGINT REFERENCES users (id)
);
CREATE INDEX order_violations_order ON order_violations (order_id, id);
CREATE INDEX order_violations_case ON order_violations (case_id);

-- What a violation set in motion: an administrative or criminal case for the breach.
CREATE TABLE order_follow_ups (
  id {{id_pk}},
  order_id BIGINT NOT NULL REFERENCES orders (id),
  violation_id BIGINT NOT NULL REFERENCES order_violations (id),
  kind TEXT NOT NULL CHECK (kind IN ('administrative_case', 'criminal_case')),
  repeat_breach INTEGER NOT NULL,
  arrest_requested INTEGER NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('opened')),
  basis TEXT NOT NULL,
  opened_at BIGINT NOT NULL,
  opened_by_user_id BIGINT REFERENCES users (id)
);
CREATE INDEX order_follow_ups_order ON order_follow_ups (order_id, id);

-- Sessions of a court-mandated psychological correction programme.
CREATE TABLE order_attendance (
  id {{id_pk}},
  order_id BIGINT NOT NULL REFERENCES orders (id),
  session_on TEXT NOT NULL,
  attended INTEGER NOT NULL,
  recorded_at BIGINT NOT NULL,
  recorded_by_user_id BIGINT REFERENCES users (id),
  UNIQUE (order_id, session_on)
);
