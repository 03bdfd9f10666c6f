-- The district and borough councils (local authority districts): the council that bills
-- council tax and handles housing. Districts under a county keep their boundary; elsewhere
-- the district is the children's services authority itself.
CREATE TABLE district_council (
  code            TEXT PRIMARY KEY,
  name            TEXT NOT NULL,
  name_cy         TEXT,
  kind            TEXT NOT NULL,
  authority_code  TEXT NOT NULL REFERENCES authority(code),
  official_name   TEXT NOT NULL,
  geojson         TEXT
);
