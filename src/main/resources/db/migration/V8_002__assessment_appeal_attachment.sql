-- An appeal (申诉) may carry one attachment (photo, scan, document) as evidence for the assessor.
CREATE TABLE asm_appeal_attachment (
    appeal_id    BIGINT        NOT NULL PRIMARY KEY REFERENCES asm_appeal (id),
    filename     VARCHAR(255)  NOT NULL,
    content_type VARCHAR(100)  NOT NULL,
    size_bytes   INTEGER       NOT NULL,
    data         BYTEA         NOT NULL
);
