-- The audit trail: one row per acknowledged write (who, which method on which targets, when, request_id).
-- A retry of the same write by the same caller (same method and request_id) is the same row: the silo inserts
-- with ON CONFLICT DO NOTHING on that key. No personal identity number is ever stored here.

CREATE TABLE dua_audit_entries
(
    entry_id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    recorded_at timestamptz NOT NULL,
    subject text NOT NULL,
    organisation text NOT NULL,
    role text NOT NULL,
    method text NOT NULL,
    request_id text NOT NULL,
    agreement_id text NULL,
    participant_id text NULL,
    municipality_codes text[] NOT NULL DEFAULT '{}',
    dialogue_id text NULL,
    job_track_id text NULL,
    CONSTRAINT dua_audit_entries_write_key UNIQUE (method, request_id, subject)
);

-- Operations read the trail by agreement or by participant, newest first (entry_id descending).
CREATE INDEX dua_audit_entries_by_agreement ON dua_audit_entries (agreement_id, entry_id DESC)
    WHERE agreement_id IS NOT NULL;
CREATE INDEX dua_audit_entries_by_participant ON dua_audit_entries (participant_id, entry_id DESC)
    WHERE participant_id IS NOT NULL;
