-- Public reports (src/intake/). Codes (types, region, place, relationship,
-- consent, urgency) are stored in the clear for triage and statistics; every
-- free text and every personal field is encrypted (*_enc, context
-- "intake_reports.<field>"); IINs also carry blind indexes for matching.
-- The receipt code is random and names nobody; of the receipt secret only a
-- keyed hash is kept. case_id is set when the cases module accepts the report;
-- evidence attaches to a report as object ("report", id).

CREATE TABLE intake_reports (
  id {{id_pk}},
  receipt_code TEXT NOT NULL UNIQUE,
  receipt_secret_hash {{bytes}} NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('received', 'in_review', 'accepted', 'closed')),
  urgency TEXT NOT NULL CHECK (urgency IN ('critical', 'high', 'medium', 'low')),
  reporter_type TEXT NOT NULL,
  reporter_name_enc {{bytes}},
  reporter_organisation_enc {{bytes}},
  incident_types TEXT NOT NULL,
  incident_date TEXT,
  region_kato TEXT NOT NULL,
  locality_enc {{bytes}},
  place_type TEXT,
  description_enc {{bytes}},
  victim_present INTEGER NOT NULL,
  victim_name_enc {{bytes}},
  victim_iin_enc {{bytes}},
  victim_iin_bidx {{bytes}},
  victim_sex TEXT,
  victim_age_group TEXT,
  aggressor_present INTEGER NOT NULL,
  aggressor_name_enc {{bytes}},
  aggressor_iin_enc {{bytes}},
  aggressor_iin_bidx {{bytes}},
  aggressor_sex TEXT,
  aggressor_age_group TEXT,
  aggressor_relationship TEXT,
  children_present INTEGER,
  immediate_danger INTEGER NOT NULL,
  contact_present INTEGER NOT NULL,
  contact_ways TEXT NOT NULL,
  contact_times TEXT NOT NULL,
  contact_phone_enc {{bytes}},
  contact_email_enc {{bytes}},
  contact_language TEXT,
  contact_note_enc {{bytes}},
  consent TEXT NOT NULL,
  case_id BIGINT,
  received_at BIGINT NOT NULL,
  reviewed_at BIGINT,
  reviewed_by_user_id BIGINT REFERENCES users (id),
  closed_at BIGINT,
  closed_by_user_id BIGINT REFERENCES users (id),
  close_reason TEXT,
  close_note_enc {{bytes}}
);
CREATE INDEX intake_reports_queue ON intake_reports (region_kato, status, urgency, received_at);
CREATE INDEX intake_reports_victim_iin ON intake_reports (victim_iin_bidx);
CREATE INDEX intake_reports_aggressor_iin ON intake_reports (aggressor_iin_bidx);

-- What the reporter added later with the receipt, encrypted.
CREATE TABLE intake_report_updates (
  id {{id_pk}},
  report_id BIGINT NOT NULL REFERENCES intake_reports (id),
  text_enc {{bytes}} NOT NULL,
  added_at BIGINT NOT NULL
);
CREATE INDEX intake_report_updates_report ON intake_report_updates (report_id, id);
