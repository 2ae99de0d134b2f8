-- Orleans ADO.NET grain storage (Microsoft.Orleans.Persistence.AdoNet 10.4.2).
--
-- Parameters the provider binds: GrainIdHash, GrainIdN0, GrainIdN1, GrainTypeHash,
-- GrainTypeString, GrainIdExtensionString (null for plain integer and Guid keys;
-- the whole key for string keys), ServiceId, GrainStateVersion (null when the grain
-- has no ETag yet) and PayloadBinary (the only payload it binds in 10.x).
--
-- Optimistic concurrency: version is the grain's ETag. A write or clear succeeds only
-- against the version the grain last saw and returns the new one; returning no row
-- makes the provider throw InconsistentStateException.

CREATE TABLE orleansstorage
(
    grainidhash integer NOT NULL,
    graintypehash integer NOT NULL,
    serviceid varchar(150) NOT NULL,
    grainidn0 bigint NOT NULL,
    grainidn1 bigint NOT NULL,
    graintypestring varchar NOT NULL,
    -- '' stands for "no extension": a primary key column cannot be null.
    grainidextensionstring varchar NOT NULL DEFAULT '',
    payloadbinary bytea,
    version integer NOT NULL,
    modifiedon timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (grainidhash, graintypehash, serviceid, grainidn0, grainidn1,
                 graintypestring, grainidextensionstring)
);

-- A cleared state keeps its row (payload null) so the version keeps counting;
-- the provider then reports "no record" but keeps the ETag.
INSERT INTO orleansquery (querykey, querytext) VALUES ('ReadFromStorageKey', $$
SELECT s.payloadbinary AS "PayloadBinary", s.version AS "Version"
FROM orleansstorage s
WHERE s.grainidhash = @GrainIdHash AND s.graintypehash = @GrainTypeHash
  AND s.serviceid = @ServiceId
  AND s.grainidn0 = @GrainIdN0 AND s.grainidn1 = @GrainIdN1
  AND s.graintypestring = @GrainTypeString
  AND s.grainidextensionstring = coalesce(@GrainIdExtensionString, '')
$$);

-- Without a version the grain believes no row exists: insert version 1, and yield
-- nothing if one does exist. With a version: update only that version.
INSERT INTO orleansquery (querykey, querytext) VALUES ('WriteToStorageKey', $$
WITH updated AS (
    UPDATE orleansstorage s
    SET payloadbinary = @PayloadBinary, version = s.version + 1, modifiedon = now()
    WHERE @GrainStateVersion IS NOT NULL
      AND s.grainidhash = @GrainIdHash AND s.graintypehash = @GrainTypeHash
      AND s.serviceid = @ServiceId
      AND s.grainidn0 = @GrainIdN0 AND s.grainidn1 = @GrainIdN1
      AND s.graintypestring = @GrainTypeString
      AND s.grainidextensionstring = coalesce(@GrainIdExtensionString, '')
      AND s.version = @GrainStateVersion
    RETURNING s.version
), inserted AS (
    INSERT INTO orleansstorage
        (grainidhash, graintypehash, serviceid, grainidn0, grainidn1,
         graintypestring, grainidextensionstring, payloadbinary, version)
    SELECT @GrainIdHash, @GrainTypeHash, @ServiceId, @GrainIdN0, @GrainIdN1,
           @GrainTypeString, coalesce(@GrainIdExtensionString, ''), @PayloadBinary, 1
    WHERE @GrainStateVersion IS NULL
    ON CONFLICT DO NOTHING
    RETURNING version
)
SELECT version AS "NewGrainStateVersion" FROM updated
UNION ALL
SELECT version FROM inserted
$$);

-- Clears the payload but keeps the row and bumps the version (DeleteStateOnClear=false).
INSERT INTO orleansquery (querykey, querytext) VALUES ('ClearStorageKey', $$
UPDATE orleansstorage s
SET payloadbinary = NULL, version = s.version + 1, modifiedon = now()
WHERE s.grainidhash = @GrainIdHash AND s.graintypehash = @GrainTypeHash
  AND s.serviceid = @ServiceId
  AND s.grainidn0 = @GrainIdN0 AND s.grainidn1 = @GrainIdN1
  AND s.graintypestring = @GrainTypeString
  AND s.grainidextensionstring = coalesce(@GrainIdExtensionString, '')
  AND s.version = @GrainStateVersion
RETURNING s.version AS "NewGrainStateVersion"
$$);

-- Removes the row (DeleteStateOnClear=true). The provider only needs a value that
-- differs from the old ETag to know the delete happened.
INSERT INTO orleansquery (querykey, querytext) VALUES ('DeleteStorageKey', $$
DELETE FROM orleansstorage s
WHERE s.grainidhash = @GrainIdHash AND s.graintypehash = @GrainTypeHash
  AND s.serviceid = @ServiceId
  AND s.grainidn0 = @GrainIdN0 AND s.grainidn1 = @GrainIdN1
  AND s.graintypestring = @GrainTypeString
  AND s.grainidextensionstring = coalesce(@GrainIdExtensionString, '')
  AND s.version = @GrainStateVersion
RETURNING s.version + 1 AS "NewGrainStateVersion"
$$);
