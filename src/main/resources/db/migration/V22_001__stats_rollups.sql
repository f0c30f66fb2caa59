-- 案件统计 (stats module). Fed by the cases module's events, never by reading city_case.
--
-- stats_case_fact: one row per counted fact (an event can give several: 结案 and 按期结案), keyed by a fact id
-- derived from the event (case id, action, time), so a replayed event counts once. The roll-up below is the sum
-- of these rows; POST /api/v1/stats/rebuild recomputes it from here.
CREATE TABLE stats_case_fact (
    fact_id         VARCHAR(200) PRIMARY KEY,
    case_id         BIGINT       NOT NULL,
    measure         VARCHAR(32)  NOT NULL,  -- org.cityops.stats.internal.Measure
    delta           INT          NOT NULL,  -- +1, or -1 for 超期未结 once the case is closed
    stat_day           DATE         NOT NULL,  -- the city's calendar day (Asia/Shanghai) of the step
    occurred_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    district_code   VARCHAR(32)  NOT NULL DEFAULT '',
    street_code     VARCHAR(32)  NOT NULL DEFAULT '',
    grid_code       VARCHAR(32)  NOT NULL DEFAULT '',
    category_code   VARCHAR(32)  NOT NULL DEFAULT '',
    channel         VARCHAR(32)  NOT NULL DEFAULT '',
    department_code VARCHAR(32)  NOT NULL DEFAULT ''
);
CREATE INDEX stats_case_fact_case_idx ON stats_case_fact (case_id, measure);

-- Daily roll-up per (day, district, street, grid, category, channel, department); '' = not known.
CREATE TABLE stats_case_day (
    stat_day               DATE        NOT NULL,
    district_code       VARCHAR(32) NOT NULL,
    street_code         VARCHAR(32) NOT NULL,
    grid_code           VARCHAR(32) NOT NULL,
    category_code       VARCHAR(32) NOT NULL,
    channel             VARCHAR(32) NOT NULL,
    department_code     VARCHAR(32) NOT NULL,
    reported            INT NOT NULL DEFAULT 0, -- 受理
    filed               INT NOT NULL DEFAULT 0, -- 立案
    dispatched          INT NOT NULL DEFAULT 0, -- 派遣
    closed              INT NOT NULL DEFAULT 0, -- 结案
    closed_on_time      INT NOT NULL DEFAULT 0, -- 按期结案
    overdue             INT NOT NULL DEFAULT 0, -- 超期
    overdue_open        INT NOT NULL DEFAULT 0, -- 超期未结 (went overdue, not closed since)
    rework              INT NOT NULL DEFAULT 0, -- 返工
    returned            INT NOT NULL DEFAULT 0, -- 回退
    suspended           INT NOT NULL DEFAULT 0, -- 挂账
    satisfied           INT NOT NULL DEFAULT 0, -- 满意
    basically_satisfied INT NOT NULL DEFAULT 0, -- 基本满意
    dissatisfied        INT NOT NULL DEFAULT 0, -- 不满意
    CONSTRAINT stats_case_day_pk PRIMARY KEY (stat_day, district_code, street_code, grid_code, category_code, channel,
        department_code)
);
CREATE INDEX stats_case_day_district_idx ON stats_case_day (district_code, stat_day);
