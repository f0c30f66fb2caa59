-- Synthetic case facts for the assessment benchmark, generated set-based inside PostgreSQL.
-- psql -v cases=1000000 -v days=180 -v start="'2025-07-01'" -f generate.sql
-- Five steps per case (REPORTED|ACCEPTED, FILED, DISPATCHED, HANDLED|OVERDUE, CLOSED|REWORK|RETURN_VISIT),
-- spread evenly over :days days from :start (city time); 7 districts × 10 streets × 10 communities × 10 grids,
-- 20 departments, 200 inspectors, 20 operators, 10 shift leaders, 10 dispatchers.
\timing on
ALTER TABLE asm_case_step DROP CONSTRAINT IF EXISTS asm_case_step_event_uk;
DROP INDEX IF EXISTS asm_case_step_time_idx;
DROP INDEX IF EXISTS asm_case_step_case_idx;
SET synchronous_commit = off;

CREATE TEMP TABLE bench_case AS
SELECT c AS case_id,
       (ARRAY['320402','320404','320411','320412','320413','320481','320491'])[1 + (c % 7)]
         || lpad(((c / 7) % 10 + 1)::text, 3, '0')
         || lpad(((c / 70) % 10 + 1)::text, 3, '0')
         || lpad(((c / 700) % 10 + 1)::text, 3, '0') AS grid,
       'DEPT' || lpad((c % 20)::text, 2, '0') AS dept,
       CASE WHEN c % 10 < 7 THEN 'INSPECTOR' ELSE 'HOTLINE' END AS channel,
       'insp' || (c % 200) AS inspector,
       'op' || (c % 20) AS operator,
       'sl' || (c % 10) AS leader,
       'disp' || (c % 10) AS dispatcher,
       (:start::date::timestamp AT TIME ZONE 'Asia/Shanghai')
         + (c::double precision / :cases * :days) * interval '1 day' AS t0,
       (c::bigint * 7919) % 100 AS luck
FROM generate_series(1::bigint, :cases::bigint) c;

INSERT INTO asm_case_step (event_id, case_id, case_number, category_code, channel, grid_code, community_code,
  street_code, district_code, department_code, action, actor, actor_role, assignee, reporter, occurred_at,
  on_time, by_deadline, leader_assigned, media_exposed, satisfaction, recorded_at)
SELECT 'b' || case_id || '-' || k, case_id, 'B' || case_id, '0601', channel, grid, substr(grid, 1, 12),
  substr(grid, 1, 9), substr(grid, 1, 6),
  CASE WHEN k >= 3 THEN dept END,
  CASE k WHEN 1 THEN CASE WHEN channel = 'INSPECTOR' THEN 'REPORTED' ELSE 'ACCEPTED' END
         WHEN 2 THEN 'FILED' WHEN 3 THEN 'DISPATCHED'
         WHEN 4 THEN CASE WHEN luck < 8 THEN 'OVERDUE' ELSE 'HANDLED' END
         ELSE CASE WHEN luck < 8 THEN 'REWORK' WHEN luck < 30 THEN 'RETURN_VISIT' ELSE 'CLOSED' END END,
  CASE k WHEN 1 THEN CASE WHEN channel = 'INSPECTOR' THEN inspector ELSE operator END
         WHEN 2 THEN leader WHEN 3 THEN dispatcher WHEN 4 THEN 'handler' ELSE leader END,
  CASE k WHEN 1 THEN CASE WHEN channel = 'INSPECTOR' THEN 'INSPECTOR' ELSE 'OPERATOR' END
         WHEN 2 THEN 'SHIFT_LEADER' WHEN 3 THEN 'DISPATCHER' WHEN 4 THEN 'HANDLER' ELSE 'SHIFT_LEADER' END,
  CASE WHEN k = 2 THEN inspector WHEN k = 5 AND luck < 8 THEN dispatcher END,
  CASE WHEN channel = 'INSPECTOR' THEN inspector END,
  t0 + (k * 3) * interval '1 hour',
  luck % 10 <> 0, luck >= 20, luck = 50, luck = 51,
  CASE WHEN k = 5 AND luck >= 8 AND luck < 30 THEN (ARRAY[100, 60, 0])[1 + luck % 3] END,
  now()
FROM bench_case CROSS JOIN generate_series(1, 5) k;

CREATE INDEX asm_case_step_time_idx ON asm_case_step (occurred_at);
CREATE INDEX asm_case_step_case_idx ON asm_case_step (case_id);
ALTER TABLE asm_case_step ADD CONSTRAINT asm_case_step_event_uk UNIQUE (event_id);
VACUUM ANALYZE asm_case_step;
SELECT COUNT(*) AS steps, MIN(occurred_at), MAX(occurred_at) FROM asm_case_step;
