-- The platform's own grain storage (hosts/Dua.Silo/Storage): one row per grain and state name. The silo writes it
-- in group commits (many grains' writes in one transaction), each write checking the version it read, so a stale
-- write changes nothing and fails alone. A cleared state keeps its row with a null payload, so the version keeps
-- counting. State written by earlier releases stays in orleansstorage and is read from there until the grain's
-- first write moves it here (hosts/Dua.Silo/Storage/PostgresGrainStorage.cs).
--
-- grain_id is Orleans' GrainId as text ("type/key"), so string keys are compared as written (no hex parsing).
-- Rows are updated in place all the time: leave room on each page for HOT updates.

CREATE TABLE dua_grain_state
(
    service_id text NOT NULL,
    state_name text NOT NULL,
    grain_id text NOT NULL,
    payload bytea NULL,
    version integer NOT NULL,
    modified_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (service_id, state_name, grain_id)
) WITH (fillfactor = 80);
