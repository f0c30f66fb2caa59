-- 12319 案件移送执法: the enforcement case a 12319 case was transferred to, and its result when it ended.
-- Written by the cases module from the enforcement module's events (no reads of enf_* tables).
CREATE TABLE case_enforcement_link (
    case_id              BIGINT       NOT NULL PRIMARY KEY REFERENCES city_case (id),
    enforcement_case_id  BIGINT       NOT NULL,
    enforcement_number   VARCHAR(40)  NOT NULL,
    item_name            VARCHAR(200),
    linked_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    suspended            BOOLEAN      NOT NULL DEFAULT FALSE, -- the transfer put the case on 挂账 (clock stopped)
    outcome              VARCHAR(16),                         -- CLOSED, NOT_PUNISHED, WITHDRAWN, TRANSFERRED; null while running
    outcome_label        VARCHAR(16),
    result               VARCHAR(2000),
    concluded_on         DATE,
    concluded_at         TIMESTAMP WITH TIME ZONE,
    CONSTRAINT case_enforcement_link_enf_uk UNIQUE (enforcement_case_id)
);
