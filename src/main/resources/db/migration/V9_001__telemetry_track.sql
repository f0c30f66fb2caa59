-- telemetry: vehicle terminals (车载终端), their track (轨迹) and latest position.
-- Portable (H2 in PostgreSQL mode and PostgreSQL 15). On PostgreSQL, V9_002 (a Java migration) turns
-- telemetry_position into a table partitioned by day.

-- Terminals that registered (0x0100) and the auth code (鉴权码) they were given.
CREATE TABLE telemetry_terminal (
    terminal      VARCHAR(20) PRIMARY KEY,  -- phone number without leading zeros
    auth_code     VARCHAR(64) NOT NULL,
    plate         VARCHAR(32),
    registered_at TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Every stored position; (terminal, reported_at) is unique so a replayed report is stored once.
CREATE TABLE telemetry_position (
    terminal    VARCHAR(20) NOT NULL,
    reported_at TIMESTAMP WITH TIME ZONE NOT NULL,  -- the terminal's GNSS time (UTC)
    lat         DOUBLE PRECISION NOT NULL,
    lon         DOUBLE PRECISION NOT NULL,
    speed_kmh   REAL NOT NULL,
    direction   SMALLINT NOT NULL,
    alarm_bits  BIGINT NOT NULL,   -- 报警标志
    status_bits BIGINT NOT NULL,   -- 状态
    mileage_km  DOUBLE PRECISION,  -- 里程 (extra item 0x01)
    altitude_m  INTEGER,
    received_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (terminal, reported_at)
);

-- The newest position of each terminal (by reported_at).
CREATE TABLE telemetry_last_position (
    terminal    VARCHAR(20) PRIMARY KEY,
    reported_at TIMESTAMP WITH TIME ZONE NOT NULL,
    lat         DOUBLE PRECISION NOT NULL,
    lon         DOUBLE PRECISION NOT NULL,
    speed_kmh   REAL NOT NULL,
    direction   SMALLINT NOT NULL,
    alarm_bits  BIGINT NOT NULL,
    status_bits BIGINT NOT NULL,
    mileage_km  DOUBLE PRECISION,
    altitude_m  INTEGER,
    received_at TIMESTAMP WITH TIME ZONE NOT NULL
);
