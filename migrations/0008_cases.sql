-- Cases (src/cases/): one survivor and one aggressor per case (VioGén); a
-- person may be in many cases. Codes (status, basis, ground, incident types,
-- region, offence, closure reason) are in the clear for lists and statistics;
-- free text (notes, task titles) is encrypted (*_enc, context
-- "case_<table>.<field>"). The timeline holds codes and ids only, and every
-- change writes its event in the same transaction.

CREATE TABLE cases (
  id {{id_pk}},
  case_number TEXT UNIQUE,
  survivor_person_id BIGINT NOT NULL REFERENCES people (id),
  aggressor_person_id BIGINT NOT NULL REFERENCES people (id),
  status TEXT NOT NULL
    CHECK (status IN ('opened', 'under_investigation', 'sent_to_court', 'decided', 'closed')),
  basis TEXT NOT NULL CHECK (basis IN ('complaint', 'without_complaint')),
  ground TEXT,
  incident_types TEXT NOT NULL,
  region_kato TEXT NOT NULL,
  owner_agency_id BIGINT NOT NULL REFERENCES agencies (id),
  assigned_agency_id BIGINT REFERENCES agencies (id),
  assigned_user_id BIGINT REFERENCES users (id),
  offence TEXT,
  repeat_offence INTEGER NOT NULL DEFAULT 0,
  report_id BIGINT REFERENCES intake_reports (id),
  opened_at BIGINT NOT NULL,
  opened_by_user_id BIGINT REFERENCES users (id),
  closed_at BIGINT,
  close_reason TEXT
);
CREATE INDEX cases_list ON cases (region_kato, status, opened_at);
CREATE INDEX cases_survivor ON cases (survivor_person_id);
CREATE INDEX cases_aggressor ON cases (aggressor_person_id);

-- Everything that happened to a case, oldest first. `detail` holds codes and
-- ids ("under_investigation", "agency 4 user 9"), never personal data.
CREATE TABLE case_events (
  id {{id_pk}},
  case_id BIGINT NOT NULL REFERENCES cases (id),
  at BIGINT NOT NULL,
  user_id BIGINT REFERENCES users (id),
  kind TEXT NOT NULL,
  detail TEXT NOT NULL
);
CREATE INDEX case_events_case ON case_events (case_id, id);

CREATE TABLE case_notes (
  id {{id_pk}},
  case_id BIGINT NOT NULL REFERENCES cases (id),
  text_enc {{bytes}} NOT NULL,
  author_user_id BIGINT REFERENCES users (id),
  created_at BIGINT NOT NULL
);
CREATE INDEX case_notes_case ON case_notes (case_id, id);

CREATE TABLE case_tasks (
  id {{id_pk}},
  case_id BIGINT NOT NULL REFERENCES cases (id),
  title_enc {{bytes}} NOT NULL,
  due_date TEXT NOT NULL,
  done INTEGER NOT NULL DEFAULT 0,
  done_at BIGINT,
  done_by_user_id BIGINT REFERENCES users (id),
  created_by_user_id BIGINT REFERENCES users (id),
  created_at BIGINT NOT NULL
);
CREATE INDEX case_tasks_case ON case_tasks (case_id, id);

CREATE TABLE case_services (
  id {{id_pk}},
  case_id BIGINT NOT NULL REFERENCES cases (id),
  kind TEXT NOT NULL
    CHECK (kind IN ('medical', 'psychological', 'legal', 'shelter', 'social')),
  delivered_on TEXT NOT NULL,
  provider_agency_id BIGINT NOT NULL REFERENCES agencies (id),
  recorded_by_user_id BIGINT REFERENCES users (id),
  recorded_at BIGINT NOT NULL
);
CREATE INDEX case_services_case ON case_services (case_id, id);

-- Matching people across scripts (src/cases/matching.h): a blind index of the
-- transliteration-folded name ("Айгүл Сәрсенова" and "Aigul Sarsenova" share
-- it), kept beside people so that people.* stays as it is.
CREATE TABLE person_name_keys (
  person_id BIGINT PRIMARY KEY REFERENCES people (id),
  name_key_bidx {{bytes}} NOT NULL
);
CREATE INDEX person_name_keys_key ON person_name_keys (name_key_bidx);

-- Referrals between agencies: what the survivor consented to share (codes of
-- referral_shares()), nothing else; the receiving agency accepts or declines.
CREATE TABLE case_referrals (
  id {{id_pk}},
  case_id BIGINT NOT NULL REFERENCES cases (id),
  from_agency_id BIGINT NOT NULL REFERENCES agencies (id),
  to_agency_id BIGINT NOT NULL REFERENCES agencies (id),
  share TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('pending', 'accepted', 'declined')),
  created_by_user_id BIGINT REFERENCES users (id),
  created_at BIGINT NOT NULL,
  decided_by_user_id BIGINT REFERENCES users (id),
  decided_at BIGINT
);
CREATE INDEX case_referrals_case ON case_referrals (case_id, id);
CREATE INDEX case_referrals_to ON case_referrals (to_agency_id, status);
