-- Crisis-centre capacity, holds, opaque referrals, admissions and the events
-- that feed the reports (src/shelters/). A shelter's public face is its
-- help_services row; its street address is personal-safety data and is
-- stored encrypted. Residents' identities live in `people` (encrypted).

CREATE TABLE shelters (
  id {{id_pk}},
  service_id BIGINT NOT NULL UNIQUE REFERENCES help_services (id),
  agency_id BIGINT NOT NULL REFERENCES agencies (id),
  beds_women INTEGER NOT NULL,
  beds_children INTEGER NOT NULL,
  accessible_rooms INTEGER NOT NULL,
  occupied_women INTEGER NOT NULL DEFAULT 0,
  occupied_children INTEGER NOT NULL DEFAULT 0,
  occupied_accessible INTEGER NOT NULL DEFAULT 0,
  occupancy_updated_at BIGINT NOT NULL,
  admission_rules TEXT NOT NULL,
  address_enc {{bytes}},
  created_at BIGINT NOT NULL
);
CREATE INDEX shelters_agency ON shelters (agency_id);

-- A bed held for a household while a referral is made. Active holds whose
-- expires_at has passed no longer count (released by time, then swept).
CREATE TABLE shelter_holds (
  id {{id_pk}},
  shelter_id BIGINT NOT NULL REFERENCES shelters (id),
  women INTEGER NOT NULL,
  children INTEGER NOT NULL,
  accessible INTEGER NOT NULL,
  held_by_user_id BIGINT NOT NULL REFERENCES users (id),
  held_by_agency_id BIGINT NOT NULL REFERENCES agencies (id),
  status TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL,
  closed_at BIGINT
);
CREATE INDEX shelter_holds_shelter ON shelter_holds (shelter_id, status);

-- An opaque referral: household size, needs, urgency and the referring
-- worker's call-back number only. Needs and call-back are cleared (purged)
-- when the referral ends; the counts stay for statistics.
CREATE TABLE shelter_referrals (
  id {{id_pk}},
  shelter_id BIGINT NOT NULL REFERENCES shelters (id),
  hold_id BIGINT NOT NULL UNIQUE REFERENCES shelter_holds (id),
  women INTEGER NOT NULL,
  children INTEGER NOT NULL,
  accessible INTEGER NOT NULL,
  urgency TEXT NOT NULL,
  needs TEXT,
  callback_phone_enc {{bytes}},
  referring_user_id BIGINT NOT NULL REFERENCES users (id),
  referring_agency_id BIGINT NOT NULL REFERENCES agencies (id),
  status TEXT NOT NULL,
  decline_reason TEXT,
  created_at BIGINT NOT NULL,
  decided_at BIGINT,
  purged_at BIGINT
);
CREATE INDEX shelter_referrals_shelter ON shelter_referrals (shelter_id);
CREATE INDEX shelter_referrals_agency ON shelter_referrals (referring_agency_id);

CREATE TABLE shelter_admissions (
  id {{id_pk}},
  shelter_id BIGINT NOT NULL REFERENCES shelters (id),
  person_id BIGINT NOT NULL REFERENCES people (id),
  referral_id BIGINT REFERENCES shelter_referrals (id),
  accessible INTEGER NOT NULL,
  children INTEGER NOT NULL,
  over_capacity_reason_enc {{bytes}},
  admitted_at BIGINT NOT NULL,
  discharged_at BIGINT,
  destination TEXT
);
CREATE INDEX shelter_admissions_shelter ON shelter_admissions (shelter_id, discharged_at);

CREATE TABLE shelter_admission_children (
  admission_id BIGINT NOT NULL REFERENCES shelter_admissions (id),
  person_id BIGINT NOT NULL REFERENCES people (id),
  PRIMARY KEY (admission_id, person_id)
);

CREATE TABLE shelter_services_delivered (
  id {{id_pk}},
  admission_id BIGINT NOT NULL REFERENCES shelter_admissions (id),
  kind TEXT NOT NULL,
  at BIGINT NOT NULL,
  recorded_by_user_id BIGINT NOT NULL REFERENCES users (id)
);
CREATE INDEX shelter_services_admission ON shelter_services_delivered (admission_id);

-- Every change of occupancy, with the counts after it: the reports' source
-- for occupancy over time. Going over capacity needs a reason (encrypted:
-- staff may write anything in it), which the ministry sees in the reports.
CREATE TABLE shelter_occupancy_log (
  id {{id_pk}},
  shelter_id BIGINT NOT NULL REFERENCES shelters (id),
  at BIGINT NOT NULL,
  occupied_women INTEGER NOT NULL,
  occupied_children INTEGER NOT NULL,
  occupied_accessible INTEGER NOT NULL,
  over_capacity INTEGER NOT NULL,
  reason_enc {{bytes}}
);
CREATE INDEX shelter_occupancy_log_shelter ON shelter_occupancy_log (shelter_id, at);

-- A household that could not be taken in.
CREATE TABLE shelter_turnaways (
  id {{id_pk}},
  shelter_id BIGINT NOT NULL REFERENCES shelters (id),
  women INTEGER NOT NULL,
  children INTEGER NOT NULL,
  reason TEXT NOT NULL,
  at BIGINT NOT NULL
);
CREATE INDEX shelter_turnaways_shelter ON shelter_turnaways (shelter_id, at);
