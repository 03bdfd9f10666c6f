-- Sourced offers: the published routes into each authority's offer, care leavers' council tax
-- relief by billing council, and entitlements that belong to a whole nation (no authority).
CREATE TABLE authority_route (
  id              INTEGER PRIMARY KEY AUTOINCREMENT,
  source          TEXT NOT NULL,
  authority_code  TEXT NOT NULL REFERENCES authority(code),
  kind            TEXT NOT NULL,
  record_json     TEXT NOT NULL
);
CREATE INDEX authority_route_authority ON authority_route(authority_code);

CREATE TABLE council_tax_scheme (
  id              TEXT PRIMARY KEY,
  source          TEXT NOT NULL,
  source_id       TEXT NOT NULL,
  billing_council TEXT,
  illustrative    INTEGER NOT NULL DEFAULT 0,
  import_run      INTEGER NOT NULL REFERENCES import_run(id),
  record_json     TEXT NOT NULL,
  UNIQUE (source, source_id)
);
CREATE INDEX council_tax_scheme_billing ON council_tax_scheme(billing_council);

CREATE TABLE entitlement_v2 (
  id              TEXT PRIMARY KEY,
  source          TEXT NOT NULL,
  source_id       TEXT NOT NULL,
  authority_code  TEXT REFERENCES authority(code),
  nation          TEXT CHECK (nation IN ('England', 'Wales')),
  area            TEXT NOT NULL,
  topic           TEXT NOT NULL DEFAULT 'other',
  illustrative    INTEGER NOT NULL,
  import_run      INTEGER NOT NULL REFERENCES import_run(id),
  record_json     TEXT NOT NULL,
  UNIQUE (source, source_id),
  CHECK (authority_code IS NOT NULL OR nation IS NOT NULL)
);
INSERT INTO entitlement_v2 (id, source, source_id, authority_code, area, illustrative, import_run, record_json)
  SELECT id, source, source_id, authority_code, area, illustrative, import_run, record_json FROM entitlement;
DROP TABLE entitlement;
ALTER TABLE entitlement_v2 RENAME TO entitlement;
CREATE INDEX entitlement_authority ON entitlement(authority_code);
