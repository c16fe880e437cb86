-- Files a reporter attaches to a public report (src/intake/attachments_api.cc)
-- are evidence with no owning agency and no uploading user: the public
-- reporter. evidence.agency_id and evidence.uploaded_by, and the user and
-- agency of a custody event, become nullable; NULL there means "the public
-- reporter" (or, for a hand-over, the system acting on the report's
-- acceptance). A row owned by no agency is reached through its report's
-- region, like the triage queue, until a case takes it in.
--
-- SQLite cannot drop NOT NULL, so both tables are rebuilt in this migration's
-- transaction, in a way that also runs on PostgreSQL: copy into new tables
-- (the custody copy already referencing the new evidence table), drop the
-- old child, then the old parent (nothing references it any more, so
-- foreign_keys=ON has nothing to check), rename the new tables to the old
-- names (SQLite rewrites the custody table's reference along), and recreate
-- the indexes. Ids are copied as they are, so custody rows, audit entries
-- ("evidence", id) and blobs keep pointing at the same records.

CREATE TABLE evidence_v9 (
  id {{id_pk}},
  agency_id BIGINT REFERENCES agencies (id),
  attached_to_type TEXT NOT NULL,
  attached_to_id BIGINT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('photo', 'video', 'audio', 'document')),
  mime TEXT NOT NULL,
  size BIGINT NOT NULL,
  sha256 TEXT NOT NULL,
  filename_enc {{bytes}},
  uploaded_by BIGINT REFERENCES users (id),
  uploaded_at BIGINT NOT NULL,
  blob TEXT NOT NULL UNIQUE,
  last_verified_at BIGINT,
  last_verified_intact INTEGER,
  -- Only a report's file may be unowned; a staff upload names both.
  CHECK (agency_id IS NOT NULL OR attached_to_type = 'report')
);
INSERT INTO evidence_v9 (id, agency_id, attached_to_type, attached_to_id, kind, mime, size,
                         sha256, filename_enc, uploaded_by, uploaded_at, blob, last_verified_at,
                         last_verified_intact)
  SELECT id, agency_id, attached_to_type, attached_to_id, kind, mime, size, sha256, filename_enc,
         uploaded_by, uploaded_at, blob, last_verified_at, last_verified_intact
  FROM evidence;

CREATE TABLE evidence_custody_v9 (
  id {{id_pk}},
  evidence_id BIGINT NOT NULL REFERENCES evidence_v9 (id),
  at BIGINT NOT NULL,
  action TEXT NOT NULL CHECK (action IN ('upload', 'view', 'download', 'verify', 'handover')),
  user_id BIGINT REFERENCES users (id),
  agency_id BIGINT REFERENCES agencies (id),
  to_agency_id BIGINT REFERENCES agencies (id),
  intact INTEGER,
  note_enc {{bytes}},
  audit_seq BIGINT NOT NULL,
  -- Without a user, only the public reporter's upload or the system's hand-over.
  CHECK (user_id IS NOT NULL OR action IN ('upload', 'handover'))
);
INSERT INTO evidence_custody_v9 (id, evidence_id, at, action, user_id, agency_id, to_agency_id,
                                 intact, note_enc, audit_seq)
  SELECT id, evidence_id, at, action, user_id, agency_id, to_agency_id, intact, note_enc,
         audit_seq
  FROM evidence_custody;

DROP TABLE evidence_custody;
DROP TABLE evidence;
ALTER TABLE evidence_v9 RENAME TO evidence;
ALTER TABLE evidence_custody_v9 RENAME TO evidence_custody;
CREATE INDEX evidence_attached ON evidence (attached_to_type, attached_to_id);
CREATE INDEX evidence_custody_evidence ON evidence_custody (evidence_id);
