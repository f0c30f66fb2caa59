-- Audit chain, part two (issue 11, points 16 and 17).
-- A row digest vouched for by an entry (e.g. the case step the entry records); part of the entry's chain hash.
ALTER TABLE audit_entry ADD COLUMN record_table VARCHAR(64);
ALTER TABLE audit_entry ADD COLUMN record_id BIGINT;
ALTER TABLE audit_entry ADD COLUMN record_digest CHAR(64);

-- Signed checkpoints: "the chain was verified up to chain_seq, whose hash is chain_hash", HMAC-SHA256 with a key
-- that is not in the database. Incremental verification starts at the newest one.
CREATE TABLE audit_checkpoint (
    chain_seq  BIGINT                   PRIMARY KEY,
    chain_hash CHAR(64)                 NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    key_id     VARCHAR(16)              NOT NULL,
    signature  CHAR(64)                 NOT NULL
);
