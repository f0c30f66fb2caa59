-- Telemetry through a partitioned log (cityops.telemetry.log=jetstream, docs/scale-out-telemetry.md): the last
-- stream sequence of each partition whose positions are in telemetry_position. Written in the same transaction
-- as the positions, and only if it still holds the value the writer read (a fence against a node that lost its
-- partition), so every position of the log is stored exactly once.
CREATE TABLE tel_partition_offset (
    stream       VARCHAR(64) NOT NULL,
    partition_no INTEGER     NOT NULL,
    last_seq     BIGINT      NOT NULL,
    updated_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (stream, partition_no)
);
