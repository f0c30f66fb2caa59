-- Synthetic statistics facts, generated set-based inside PostgreSQL: what :cases cases leave in stats_case_fact.
-- psql -h 127.0.0.1 -U postgres -d cityops_stats -v cases=10000000 -v days=1826 -v start="'2022-01-01'" -f generate.sql
-- then POST /api/v1/stats/rebuild?source=facts (as admin) recomputes every roll-up from these facts (a rebuild
-- from the case history would forget them: they have no cases behind them).
-- Per case: 受理, 立案, 派遣, then 结案 (88 %, 按期 80 %) or 超期 + 超期未结 (12 %); 7 districts × 10 streets × 10
-- communities × 10 grids, 60 categories, 4 channels, 20 departments; cases spread evenly over :days days.
\timing on
SET synchronous_commit = off;
DELETE FROM stats_case_fact WHERE fact_id LIKE 'bench:%';

INSERT INTO stats_case_fact (fact_id, case_id, measure, delta, stat_day, occurred_at, district_code, street_code,
  grid_code, category_code, channel, department_code)
SELECT 'bench:' || c || ':' || m, -c, m, 1,
       ((:start::date::timestamp + (c::double precision / :cases * :days) * interval '1 day'))::date,
       (:start::date::timestamp AT TIME ZONE 'Asia/Shanghai') + (c::double precision / :cases * :days) * interval '1 day',
       substr(g, 1, 6), substr(g, 1, 9), g,
       CASE WHEN c % 3 = 0 THEN 'E' ELSE 'C' END || lpad(((c * 7919) % 60 + 1)::text, 5, '0'),
       (ARRAY['HOTLINE', 'INSPECTOR', 'CITIZEN', 'MEDIA'])[1 + (c % 4)],
       CASE WHEN m IN ('REPORTED', 'FILED') THEN '' ELSE 'DEPT' || lpad((c % 20)::text, 2, '0') END
FROM (
  SELECT c,
         (ARRAY['320402','320404','320411','320412','320413','320481','320491'])[1 + (c % 7)]
           || lpad(((c / 7) % 10 + 1)::text, 3, '0') || lpad(((c / 70) % 10 + 1)::text, 3, '0')
           || lpad(((c / 700) % 10 + 1)::text, 3, '0') AS g,
         (c * 7919) % 100 AS luck
  FROM generate_series(1::bigint, :cases::bigint) c) cs
CROSS JOIN LATERAL unnest(CASE
    WHEN luck < 12 THEN ARRAY['REPORTED', 'FILED', 'DISPATCHED', 'OVERDUE', 'OVERDUE_OPEN']
    WHEN luck < 20 THEN ARRAY['REPORTED', 'FILED', 'DISPATCHED', 'CLOSED']
    ELSE ARRAY['REPORTED', 'FILED', 'DISPATCHED', 'CLOSED', 'CLOSED_ON_TIME'] END) m;
ANALYZE stats_case_fact;
