-- 案件统计 (stats module), issue 14 point 1: narrower roll-ups of the same facts, chosen by the question.
-- stats_case_day (V22_001) keys every fact by all seven dimensions and holds ~2 rows per case: no roll-up at all.
-- Each table below is the sum of stats_case_fact over fewer keys; a monthly table's stat_day is the month's first
-- day. All are maintained live with stats_case_day (the same new facts) and rebuilt with it (RollupStore).
-- org.cityops.stats.internal.Rollup lists them and picks the smallest one that holds a question's keys.

-- area × category × channel by day (区/街道 × 类别 × 来源, 日)
CREATE TABLE stats_area_day (
    stat_day            DATE        NOT NULL,
    district_code       VARCHAR(32) NOT NULL,
    street_code         VARCHAR(32) NOT NULL,
    category_code       VARCHAR(32) NOT NULL,
    channel             VARCHAR(32) NOT NULL,
    reported            INT NOT NULL DEFAULT 0, -- 受理
    filed               INT NOT NULL DEFAULT 0, -- 立案
    dispatched          INT NOT NULL DEFAULT 0, -- 派遣
    closed              INT NOT NULL DEFAULT 0, -- 结案
    closed_on_time      INT NOT NULL DEFAULT 0, -- 按期结案
    overdue             INT NOT NULL DEFAULT 0, -- 超期
    overdue_open        INT NOT NULL DEFAULT 0, -- 超期未结
    rework              INT NOT NULL DEFAULT 0, -- 返工
    returned            INT NOT NULL DEFAULT 0, -- 回退
    suspended           INT NOT NULL DEFAULT 0, -- 挂账
    satisfied           INT NOT NULL DEFAULT 0, -- 满意
    basically_satisfied INT NOT NULL DEFAULT 0, -- 基本满意
    dissatisfied        INT NOT NULL DEFAULT 0, -- 不满意
    CONSTRAINT stats_area_day_pk PRIMARY KEY (stat_day, district_code, street_code, category_code, channel)
);

-- department × area × category by day (部门 × 区/街道 × 类别, 日)
CREATE TABLE stats_department_day (
    stat_day            DATE        NOT NULL,
    department_code     VARCHAR(32) NOT NULL,
    district_code       VARCHAR(32) NOT NULL,
    street_code         VARCHAR(32) NOT NULL,
    category_code       VARCHAR(32) NOT NULL,
    reported            INT NOT NULL DEFAULT 0, -- 受理
    filed               INT NOT NULL DEFAULT 0, -- 立案
    dispatched          INT NOT NULL DEFAULT 0, -- 派遣
    closed              INT NOT NULL DEFAULT 0, -- 结案
    closed_on_time      INT NOT NULL DEFAULT 0, -- 按期结案
    overdue             INT NOT NULL DEFAULT 0, -- 超期
    overdue_open        INT NOT NULL DEFAULT 0, -- 超期未结
    rework              INT NOT NULL DEFAULT 0, -- 返工
    returned            INT NOT NULL DEFAULT 0, -- 回退
    suspended           INT NOT NULL DEFAULT 0, -- 挂账
    satisfied           INT NOT NULL DEFAULT 0, -- 满意
    basically_satisfied INT NOT NULL DEFAULT 0, -- 基本满意
    dissatisfied        INT NOT NULL DEFAULT 0, -- 不满意
    CONSTRAINT stats_department_day_pk PRIMARY KEY (stat_day, department_code, district_code, street_code, category_code)
);

-- area × category × channel by month (月)
CREATE TABLE stats_area_month (
    stat_day            DATE        NOT NULL,
    district_code       VARCHAR(32) NOT NULL,
    street_code         VARCHAR(32) NOT NULL,
    category_code       VARCHAR(32) NOT NULL,
    channel             VARCHAR(32) NOT NULL,
    reported            INT NOT NULL DEFAULT 0, -- 受理
    filed               INT NOT NULL DEFAULT 0, -- 立案
    dispatched          INT NOT NULL DEFAULT 0, -- 派遣
    closed              INT NOT NULL DEFAULT 0, -- 结案
    closed_on_time      INT NOT NULL DEFAULT 0, -- 按期结案
    overdue             INT NOT NULL DEFAULT 0, -- 超期
    overdue_open        INT NOT NULL DEFAULT 0, -- 超期未结
    rework              INT NOT NULL DEFAULT 0, -- 返工
    returned            INT NOT NULL DEFAULT 0, -- 回退
    suspended           INT NOT NULL DEFAULT 0, -- 挂账
    satisfied           INT NOT NULL DEFAULT 0, -- 满意
    basically_satisfied INT NOT NULL DEFAULT 0, -- 基本满意
    dissatisfied        INT NOT NULL DEFAULT 0, -- 不满意
    CONSTRAINT stats_area_month_pk PRIMARY KEY (stat_day, district_code, street_code, category_code, channel)
);

-- department × area × category by month (月)
CREATE TABLE stats_department_month (
    stat_day            DATE        NOT NULL,
    department_code     VARCHAR(32) NOT NULL,
    district_code       VARCHAR(32) NOT NULL,
    street_code         VARCHAR(32) NOT NULL,
    category_code       VARCHAR(32) NOT NULL,
    reported            INT NOT NULL DEFAULT 0, -- 受理
    filed               INT NOT NULL DEFAULT 0, -- 立案
    dispatched          INT NOT NULL DEFAULT 0, -- 派遣
    closed              INT NOT NULL DEFAULT 0, -- 结案
    closed_on_time      INT NOT NULL DEFAULT 0, -- 按期结案
    overdue             INT NOT NULL DEFAULT 0, -- 超期
    overdue_open        INT NOT NULL DEFAULT 0, -- 超期未结
    rework              INT NOT NULL DEFAULT 0, -- 返工
    returned            INT NOT NULL DEFAULT 0, -- 回退
    suspended           INT NOT NULL DEFAULT 0, -- 挂账
    satisfied           INT NOT NULL DEFAULT 0, -- 满意
    basically_satisfied INT NOT NULL DEFAULT 0, -- 基本满意
    dissatisfied        INT NOT NULL DEFAULT 0, -- 不满意
    CONSTRAINT stats_department_month_pk PRIMARY KEY (stat_day, department_code, district_code, street_code, category_code)
);

-- unit grid by month (单元网格, 月)
CREATE TABLE stats_grid_month (
    stat_day            DATE        NOT NULL,
    district_code       VARCHAR(32) NOT NULL,
    street_code         VARCHAR(32) NOT NULL,
    grid_code           VARCHAR(32) NOT NULL,
    reported            INT NOT NULL DEFAULT 0, -- 受理
    filed               INT NOT NULL DEFAULT 0, -- 立案
    dispatched          INT NOT NULL DEFAULT 0, -- 派遣
    closed              INT NOT NULL DEFAULT 0, -- 结案
    closed_on_time      INT NOT NULL DEFAULT 0, -- 按期结案
    overdue             INT NOT NULL DEFAULT 0, -- 超期
    overdue_open        INT NOT NULL DEFAULT 0, -- 超期未结
    rework              INT NOT NULL DEFAULT 0, -- 返工
    returned            INT NOT NULL DEFAULT 0, -- 回退
    suspended           INT NOT NULL DEFAULT 0, -- 挂账
    satisfied           INT NOT NULL DEFAULT 0, -- 满意
    basically_satisfied INT NOT NULL DEFAULT 0, -- 基本满意
    dissatisfied        INT NOT NULL DEFAULT 0, -- 不满意
    CONSTRAINT stats_grid_month_pk PRIMARY KEY (stat_day, district_code, street_code, grid_code)
);
