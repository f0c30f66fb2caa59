-- 超期案件 (stats module): the cases whose handling time limit (处置期限) expired, from the cases module's
-- CaseDeadlineAlert (overdue, stage HANDLE), closed_at set by the case's CLOSE step. The monthly report's
-- overdue list: overdue by the month's end and not closed by then. Never read from city_case.
CREATE TABLE stats_overdue_case (
    case_id         BIGINT       PRIMARY KEY,
    case_number     VARCHAR(64)  NOT NULL,
    due_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    overdue_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    closed_at       TIMESTAMP WITH TIME ZONE,
    district_code   VARCHAR(32)  NOT NULL DEFAULT '',
    street_code     VARCHAR(32)  NOT NULL DEFAULT '',
    grid_code       VARCHAR(32)  NOT NULL DEFAULT '',
    category_code   VARCHAR(32)  NOT NULL DEFAULT '',
    department_code VARCHAR(32)  NOT NULL DEFAULT ''
);
CREATE INDEX stats_overdue_case_grid_idx ON stats_overdue_case (grid_code, overdue_at);
