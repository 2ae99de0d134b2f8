-- Orleans ADO.NET reminders (Microsoft.Orleans.Reminders.AdoNet 10.4.2).
--
-- Parameters the provider binds: ServiceId, GrainId (GrainId.ToString()), ReminderName,
-- StartTime, Period (milliseconds, int or bigint), GrainHash, BeginHash, EndHash
-- (uniform hashes cast to signed int) and Version (the reminder's ETag).
-- Columns it reads: GrainId, ReminderName, StartTime, Period (as Int64), Version.

CREATE TABLE orleansreminderstable
(
    serviceid varchar(150) NOT NULL,
    grainid varchar NOT NULL,
    remindername varchar(150) NOT NULL,
    starttime timestamptz NOT NULL,
    period bigint NOT NULL,
    grainhash integer NOT NULL,
    version integer NOT NULL,
    PRIMARY KEY (serviceid, grainid, remindername)
);

-- Range reads by the silo that owns a slice of the hash ring.
CREATE INDEX orleansreminderstable_serviceid_grainhash
    ON orleansreminderstable (serviceid, grainhash);

INSERT INTO orleansquery (querykey, querytext) VALUES ('ReadReminderRowsKey', $$
SELECT r.grainid AS "GrainId", r.remindername AS "ReminderName", r.starttime AS "StartTime",
       r.period AS "Period", r.version AS "Version"
FROM orleansreminderstable r
WHERE r.serviceid = @ServiceId AND r.grainid = @GrainId
$$);

INSERT INTO orleansquery (querykey, querytext) VALUES ('ReadReminderRowKey', $$
SELECT r.grainid AS "GrainId", r.remindername AS "ReminderName", r.starttime AS "StartTime",
       r.period AS "Period", r.version AS "Version"
FROM orleansreminderstable r
WHERE r.serviceid = @ServiceId AND r.grainid = @GrainId AND r.remindername = @ReminderName
$$);

-- Ring range (BeginHash, EndHash] when it does not wrap in signed order.
INSERT INTO orleansquery (querykey, querytext) VALUES ('ReadRangeRows1Key', $$
SELECT r.grainid AS "GrainId", r.remindername AS "ReminderName", r.starttime AS "StartTime",
       r.period AS "Period", r.version AS "Version"
FROM orleansreminderstable r
WHERE r.serviceid = @ServiceId AND r.grainhash > @BeginHash AND r.grainhash <= @EndHash
$$);

-- Ring range that wraps around (also the whole ring when BeginHash = EndHash).
INSERT INTO orleansquery (querykey, querytext) VALUES ('ReadRangeRows2Key', $$
SELECT r.grainid AS "GrainId", r.remindername AS "ReminderName", r.starttime AS "StartTime",
       r.period AS "Period", r.version AS "Version"
FROM orleansreminderstable r
WHERE r.serviceid = @ServiceId AND (r.grainhash > @BeginHash OR r.grainhash <= @EndHash)
$$);

-- Registering again replaces the schedule and bumps the version (the new ETag).
INSERT INTO orleansquery (querykey, querytext) VALUES ('UpsertReminderRowKey', $$
INSERT INTO orleansreminderstable AS r
    (serviceid, grainid, remindername, starttime, period, grainhash, version)
VALUES (@ServiceId, @GrainId, @ReminderName, @StartTime, @Period, @GrainHash, 0)
ON CONFLICT (serviceid, grainid, remindername) DO UPDATE
SET starttime = excluded.starttime, period = excluded.period,
    grainhash = excluded.grainhash, version = r.version + 1
RETURNING r.version AS "Version"
$$);

-- Deletes only the version the caller holds; true when it did.
INSERT INTO orleansquery (querykey, querytext) VALUES ('DeleteReminderRowKey', $$
WITH deleted AS (
    DELETE FROM orleansreminderstable
    WHERE serviceid = @ServiceId AND grainid = @GrainId AND remindername = @ReminderName
      AND version = @Version
    RETURNING 1
)
SELECT count(*) = 1 FROM deleted
$$);

INSERT INTO orleansquery (querykey, querytext) VALUES ('DeleteReminderRowsKey', $$
DELETE FROM orleansreminderstable
WHERE serviceid = @ServiceId
$$);
