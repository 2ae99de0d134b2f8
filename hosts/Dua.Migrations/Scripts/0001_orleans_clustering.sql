-- Orleans ADO.NET clustering (Microsoft.Orleans.Clustering.AdoNet 10.4.2).
--
-- The provider ships no SQL: at start-up it reads the text of its queries from
-- orleansquery and binds @-parameters by name (DeploymentId, Address, Port,
-- Generation, SiloName, HostName, Status, ProxyPort, SuspectTimes, StartTime,
-- IAmAliveTime, Version). It reads result columns by name, so every query aliases
-- its columns to the exact names the provider asks for.
--
-- Concurrency model (Orleans membership protocol): every change of a row also bumps
-- the cluster's row in orleansmembershipversiontable, and only succeeds when the
-- caller saw the current version (@Version). IAmAlive updates do not bump it.

CREATE TABLE orleansquery
(
    querykey varchar(64) NOT NULL PRIMARY KEY,
    querytext varchar NOT NULL
);

CREATE TABLE orleansmembershipversiontable
(
    deploymentid varchar(150) NOT NULL PRIMARY KEY,
    changedat timestamptz NOT NULL DEFAULT now(),
    version integer NOT NULL DEFAULT 0
);

CREATE TABLE orleansmembershiptable
(
    deploymentid varchar(150) NOT NULL
        REFERENCES orleansmembershipversiontable (deploymentid) ON DELETE CASCADE,
    address varchar(45) NOT NULL,
    port integer NOT NULL,
    generation integer NOT NULL,
    siloname varchar(150) NOT NULL,
    hostname varchar(150) NOT NULL,
    status integer NOT NULL,
    proxyport integer NOT NULL,
    suspecttimes varchar,
    starttime timestamptz NOT NULL,
    iamalivetime timestamptz NOT NULL,
    PRIMARY KEY (deploymentid, address, port, generation)
);

-- Returns true only when this call created the cluster's version row.
INSERT INTO orleansquery (querykey, querytext) VALUES ('InsertMembershipVersionKey', $$
WITH created AS (
    INSERT INTO orleansmembershipversiontable (deploymentid)
    VALUES (@DeploymentId)
    ON CONFLICT (deploymentid) DO NOTHING
    RETURNING 1
)
SELECT count(*) = 1 FROM created
$$);

-- Active silos that accept clients (ProxyPort > 0): the client's gateway list.
INSERT INTO orleansquery (querykey, querytext) VALUES ('GatewaysQueryKey', $$
SELECT m.address AS "Address", m.proxyport AS "ProxyPort", m.generation AS "Generation"
FROM orleansmembershiptable m
WHERE m.deploymentid = @DeploymentId AND m.status = @Status AND m.proxyport > 0
$$);

-- The version row always comes back (LEFT JOIN): the provider takes the table
-- version from the first row, and a row without StartTime means "no member".
INSERT INTO orleansquery (querykey, querytext) VALUES ('MembershipReadRowKey', $$
SELECT v.version AS "Version",
       m.address AS "Address", m.port AS "Port", m.generation AS "Generation",
       m.siloname AS "SiloName", m.hostname AS "HostName", m.status AS "Status",
       m.proxyport AS "ProxyPort", m.suspecttimes AS "SuspectTimes",
       m.starttime AS "StartTime", m.iamalivetime AS "IAmAliveTime"
FROM orleansmembershipversiontable v
LEFT JOIN orleansmembershiptable m
       ON m.deploymentid = v.deploymentid
      AND m.address = @Address AND m.port = @Port AND m.generation = @Generation
WHERE v.deploymentid = @DeploymentId
$$);

INSERT INTO orleansquery (querykey, querytext) VALUES ('MembershipReadAllKey', $$
SELECT v.version AS "Version",
       m.address AS "Address", m.port AS "Port", m.generation AS "Generation",
       m.siloname AS "SiloName", m.hostname AS "HostName", m.status AS "Status",
       m.proxyport AS "ProxyPort", m.suspecttimes AS "SuspectTimes",
       m.starttime AS "StartTime", m.iamalivetime AS "IAmAliveTime"
FROM orleansmembershipversiontable v
LEFT JOIN orleansmembershiptable m ON m.deploymentid = v.deploymentid
WHERE v.deploymentid = @DeploymentId
$$);

-- Inserts the silo's row and bumps the version in one statement: both happen, or
-- neither (version moved on, or the row already exists). Returns true on success.
INSERT INTO orleansquery (querykey, querytext) VALUES ('InsertMembershipKey', $$
WITH bumped AS (
    UPDATE orleansmembershipversiontable
    SET version = version + 1, changedat = now()
    WHERE deploymentid = @DeploymentId AND version = @Version
      AND NOT EXISTS (
          SELECT 1 FROM orleansmembershiptable
          WHERE deploymentid = @DeploymentId
            AND address = @Address AND port = @Port AND generation = @Generation)
    RETURNING deploymentid
), inserted AS (
    INSERT INTO orleansmembershiptable
        (deploymentid, address, port, generation, siloname, hostname, status,
         proxyport, starttime, iamalivetime)
    SELECT b.deploymentid, @Address, @Port, @Generation, @SiloName, @HostName, @Status,
           @ProxyPort, @StartTime, @IAmAliveTime
    FROM bumped b
    ON CONFLICT DO NOTHING
    RETURNING 1
)
SELECT count(*) = 1 FROM inserted
$$);

-- Updates status, suspicions and liveness of an existing row and bumps the version,
-- only when the caller saw the current version. Returns true on success.
INSERT INTO orleansquery (querykey, querytext) VALUES ('UpdateMembershipKey', $$
WITH bumped AS (
    UPDATE orleansmembershipversiontable
    SET version = version + 1, changedat = now()
    WHERE deploymentid = @DeploymentId AND version = @Version
      AND EXISTS (
          SELECT 1 FROM orleansmembershiptable
          WHERE deploymentid = @DeploymentId
            AND address = @Address AND port = @Port AND generation = @Generation)
    RETURNING deploymentid
), updated AS (
    UPDATE orleansmembershiptable m
    SET status = @Status, suspecttimes = @SuspectTimes, iamalivetime = @IAmAliveTime
    FROM bumped b
    WHERE m.deploymentid = b.deploymentid
      AND m.address = @Address AND m.port = @Port AND m.generation = @Generation
    RETURNING 1
)
SELECT count(*) = 1 FROM updated
$$);

-- Liveness heartbeat: deliberately outside the version protocol (Orleans' design).
INSERT INTO orleansquery (querykey, querytext) VALUES ('UpdateIAmAlivetimeKey', $$
UPDATE orleansmembershiptable
SET iamalivetime = @IAmAliveTime
WHERE deploymentid = @DeploymentId
  AND address = @Address AND port = @Port AND generation = @Generation
$$);

-- Removes the whole cluster: the version row, and its members by cascade.
INSERT INTO orleansquery (querykey, querytext) VALUES ('DeleteMembershipTableEntriesKey', $$
DELETE FROM orleansmembershipversiontable
WHERE deploymentid = @DeploymentId
$$);

-- Fallback cleanup: dead silos not heard from since @IAmAliveTime.
INSERT INTO orleansquery (querykey, querytext) VALUES ('CleanupDefunctSiloEntriesKey', $$
DELETE FROM orleansmembershiptable
WHERE deploymentid = @DeploymentId
  AND iamalivetime < @IAmAliveTime
  AND status = 6
$$);

-- Optional key that 10.4.2 prefers when present: deletes one dead row only if it is
-- still exactly the row the provider inspected, so a concurrent change keeps it.
INSERT INTO orleansquery (querykey, querytext) VALUES ('CleanupDefunctSiloEntryKey', $$
DELETE FROM orleansmembershiptable
WHERE deploymentid = @DeploymentId
  AND address = @Address AND port = @Port AND generation = @Generation
  AND status = 6
  AND starttime = @StartTime
  AND iamalivetime = @IAmAliveTime
  AND coalesce(suspecttimes, '') = coalesce(@SuspectTimes, '')
$$);
