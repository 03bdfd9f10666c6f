-- Authorities keep their own offer up to date through the API: keys (only a salted hash is
-- kept), the key behind each run of changes, one history for every kind of record an authority
-- can write, the records it withdrew (so a re-import of the default dataset never brings them
-- back) and an audit of every write (ids only, never contents).
CREATE TABLE api_key (
  id              TEXT PRIMARY KEY,
  authority_code  TEXT NOT NULL REFERENCES authority(code),
  name            TEXT NOT NULL,
  algorithm       TEXT NOT NULL,
  iterations      INTEGER NOT NULL,
  salt            BLOB NOT NULL,
  hash            BLOB NOT NULL,
  created_at      TEXT NOT NULL,
  revoked_at      TEXT
);
CREATE INDEX api_key_authority ON api_key(authority_code);

ALTER TABLE import_run ADD COLUMN key_id TEXT REFERENCES api_key(id);

-- Each change to a record, oldest first: the record before (null when added) and after (null
-- when removed or withdrawn). kind: service, entitlement or leaving_care_team (record_id: the
-- authority's GSS code).
CREATE TABLE record_change (
  seq             INTEGER PRIMARY KEY AUTOINCREMENT,
  kind            TEXT NOT NULL CHECK (kind IN ('service', 'entitlement', 'leaving_care_team')),
  record_id       TEXT NOT NULL,
  import_run      INTEGER NOT NULL REFERENCES import_run(id),
  change          TEXT NOT NULL CHECK (change IN ('added', 'updated', 'verified', 'removed', 'withdrawn')),
  before_json     TEXT,
  record_json     TEXT
);
INSERT INTO record_change (seq, kind, record_id, import_run, change, before_json, record_json)
  SELECT c.seq, 'service', c.service_id, c.import_run, c.change,
         (SELECT p.record_json FROM service_change p WHERE p.service_id = c.service_id AND p.seq < c.seq ORDER BY p.seq DESC LIMIT 1),
         c.record_json
  FROM service_change c;
DROP TABLE service_change;
CREATE INDEX record_change_record ON record_change(kind, record_id, seq);

CREATE TABLE withdrawn (
  kind            TEXT NOT NULL CHECK (kind IN ('service', 'entitlement', 'leaving_care_team')),
  id              TEXT NOT NULL,
  authority_code  TEXT NOT NULL REFERENCES authority(code),
  import_run      INTEGER NOT NULL REFERENCES import_run(id),
  PRIMARY KEY (kind, id)
);

CREATE TABLE audit (
  seq             INTEGER PRIMARY KEY AUTOINCREMENT,
  at              TEXT NOT NULL,
  key_id          TEXT NOT NULL REFERENCES api_key(id),
  authority_code  TEXT NOT NULL,
  action          TEXT NOT NULL,
  kind            TEXT NOT NULL,
  record_id       TEXT NOT NULL,
  import_run      INTEGER REFERENCES import_run(id)
);
CREATE INDEX audit_key ON audit(key_id, seq);
