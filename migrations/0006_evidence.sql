-- Evidence files (src/evidence/): photos, video, audio and documents. The
-- file itself is an encrypted blob in <data-dir>/evidence/<blob>.blob; this
-- row is written only after the blob is durable, and a blob without a row is
-- deleted at start-up. The original file name can hold a name, so it is
-- encrypted; the SHA-256 is the uploader's receipt.

CREATE TABLE evidence (
  id {{id_pk}},
  agency_id BIGINT NOT NULL REFERENCES agencies (id),
  attached_to_type TEXT NOT NULL,
  attached_to_id BIGINT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('photo', 'video', 'audio', 'document')),
  mime TEXT NOT NULL,
  size BIGINT NOT NULL,
  sha256 TEXT NOT NULL,
  filename_enc {{bytes}},
  uploaded_by BIGINT NOT NULL REFERENCES users (id),
  uploaded_at BIGINT NOT NULL,
  blob TEXT NOT NULL UNIQUE,
  last_verified_at BIGINT,
  last_verified_intact INTEGER
);
CREATE INDEX evidence_attached ON evidence (attached_to_type, attached_to_id);

-- The chain of custody: every upload, view, download, verification and
-- hand-over, written in the same transaction as its audit entry (audit_seq).
CREATE TABLE evidence_custody (
  id {{id_pk}},
  evidence_id BIGINT NOT NULL REFERENCES evidence (id),
  at BIGINT NOT NULL,
  action TEXT NOT NULL CHECK (action IN ('upload', 'view', 'download', 'verify', 'handover')),
  user_id BIGINT NOT NULL REFERENCES users (id),
  agency_id BIGINT NOT NULL REFERENCES agencies (id),
  to_agency_id BIGINT REFERENCES agencies (id),
  intact INTEGER,
  note_enc {{bytes}},
  audit_seq BIGINT NOT NULL
);
CREATE INDEX evidence_custody_evidence ON evidence_custody (evidence_id);
