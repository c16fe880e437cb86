-- People named in records (survivors, aggressors, witnesses). Every
-- identifying field is encrypted; IIN and normalised name have blind indexes.

CREATE TABLE people (
  id {{id_pk}},
  full_name_enc {{bytes}} NOT NULL,
  full_name_bidx {{bytes}} NOT NULL,
  iin_enc {{bytes}},
  iin_bidx {{bytes}},
  birth_date_enc {{bytes}},
  sex TEXT,
  agency_id BIGINT NOT NULL REFERENCES agencies (id),
  created_at BIGINT NOT NULL
);
CREATE INDEX people_iin ON people (iin_bidx);
CREATE INDEX people_name ON people (full_name_bidx);
