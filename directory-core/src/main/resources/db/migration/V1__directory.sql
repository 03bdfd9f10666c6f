-- The system of record. Whole domain records are kept as JSON beside the columns
-- that are queried, linked or counted.
CREATE TABLE authority (
  code            TEXT PRIMARY KEY,
  name            TEXT NOT NULL,
  name_cy         TEXT,
  nation          TEXT NOT NULL CHECK (nation IN ('England', 'Wales')),
  region          TEXT NOT NULL,
  kind            TEXT NOT NULL,
  lat             REAL NOT NULL,
  lon             REAL NOT NULL,
  record_json     TEXT NOT NULL
);

CREATE TABLE authority_boundary (
  code            TEXT PRIMARY KEY REFERENCES authority(code) ON DELETE CASCADE,
  source          TEXT NOT NULL,
  geojson         TEXT NOT NULL
);

CREATE TABLE postcode_district (
  outcode         TEXT PRIMARY KEY,
  lat             REAL NOT NULL,
  lon             REAL NOT NULL,
  authority_code  TEXT REFERENCES authority(code),
  nation          TEXT NOT NULL
);

CREATE TABLE review_row (
  line            INTEGER PRIMARY KEY,
  raw_name        TEXT NOT NULL,
  flags_json      TEXT NOT NULL,
  cla_per_10000   TEXT,
  ofsted_rating   TEXT,
  link_note       TEXT
);

CREATE TABLE review_link (
  line            INTEGER NOT NULL REFERENCES review_row(line) ON DELETE CASCADE,
  authority_code  TEXT NOT NULL REFERENCES authority(code),
  PRIMARY KEY (line, authority_code)
);

CREATE TABLE import_run (
  id              INTEGER PRIMARY KEY AUTOINCREMENT,
  source          TEXT NOT NULL,
  files           TEXT NOT NULL,
  finished_at     TEXT NOT NULL,
  added           INTEGER NOT NULL,
  updated         INTEGER NOT NULL,
  removed         INTEGER NOT NULL,
  unchanged       INTEGER NOT NULL
);

CREATE TABLE service (
  id              TEXT PRIMARY KEY,
  source          TEXT NOT NULL,
  source_id       TEXT NOT NULL,
  name            TEXT NOT NULL,
  authority_code  TEXT REFERENCES authority(code),
  illustrative    INTEGER NOT NULL,
  last_verified   TEXT,
  imported_at     TEXT NOT NULL,
  import_run      INTEGER NOT NULL REFERENCES import_run(id),
  record_json     TEXT NOT NULL,
  UNIQUE (source, source_id)
);
CREATE INDEX service_authority ON service(authority_code);

CREATE TABLE service_need (
  service_id      TEXT NOT NULL REFERENCES service(id) ON DELETE CASCADE,
  need            TEXT NOT NULL,
  PRIMARY KEY (service_id, need)
);

-- Every add, update and removal of a service, newest last.
CREATE TABLE service_change (
  seq             INTEGER PRIMARY KEY AUTOINCREMENT,
  service_id      TEXT NOT NULL,
  import_run      INTEGER NOT NULL REFERENCES import_run(id),
  change          TEXT NOT NULL CHECK (change IN ('added', 'updated', 'removed')),
  record_json     TEXT
);

CREATE TABLE entitlement (
  id              TEXT PRIMARY KEY,
  source          TEXT NOT NULL,
  source_id       TEXT NOT NULL,
  authority_code  TEXT NOT NULL REFERENCES authority(code),
  area            TEXT NOT NULL,
  illustrative    INTEGER NOT NULL,
  import_run      INTEGER NOT NULL REFERENCES import_run(id),
  record_json     TEXT NOT NULL,
  UNIQUE (source, source_id)
);
CREATE INDEX entitlement_authority ON entitlement(authority_code);
