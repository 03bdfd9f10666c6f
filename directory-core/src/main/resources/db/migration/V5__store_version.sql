-- Issue 18. The store's version: bumped (with a fresh random stamp) by every transaction that changes
-- what the directory shows, so a search index built from the store can say which version it holds and a
-- restart can open it again instead of rebuilding it when nothing has changed since.
CREATE TABLE store_version (
  id              INTEGER PRIMARY KEY CHECK (id = 1),
  version         INTEGER NOT NULL,
  stamp           TEXT NOT NULL
);
INSERT INTO store_version (id, version, stamp) VALUES (1, 1, lower(hex(randomblob(8))));

-- A service's needs are in its record (and in the search index); nothing read this table.
DROP TABLE service_need;

-- The run that wrote the version before a change (before_json). An import no longer writes an
-- 'added' row for each new record: its history starts from the record itself (the run that wrote
-- it), or from the first change's version before and before_run.
ALTER TABLE record_change ADD COLUMN before_run INTEGER;
