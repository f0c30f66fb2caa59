-- Telemetry through a partitioned log (docs/scale-out-telemetry.md): how far the position observers (the muck
-- alarm engine above all) have confirmed each partition. Between observed_seq and last_seq lie positions that
-- are stored but perhaps not evaluated (a node died with them in its engine's queue); the next owner of the
-- partition hands them to the observers again. Rows written before this column existed count as observed.
ALTER TABLE tel_partition_offset ADD COLUMN observed_seq BIGINT DEFAULT 0 NOT NULL;
UPDATE tel_partition_offset SET observed_seq = last_seq;
