-- The mixed-fleet benchmark's sanitation vehicles (bench/sanitation/fleet.sh): terminals first … first + trucks - 1,
-- with the plates TruckSimulator registers with (苏D + the last five digits), type by turn, work bit 0 (ACC, which
-- the simulator always sets: every position is "working", so each one goes the whole way through the engine).
--   psql -v first=13800002000 -v trucks=4000 -f bench/sanitation/fleet.sql <db>
INSERT INTO san_vehicle (plate, plate_color, terminal_phone, type, work_bit, company, district_code, created_at)
SELECT '苏D' || right((:first::bigint + i)::text, 5), 2, (:first::bigint + i)::text,
       (ARRAY['SWEEPER', 'WASHER_SWEEPER', 'SPRINKLER', 'CLEANER'])[1 + i % 4], 0, '压测环卫公司 (benchmark fleet)',
       (ARRAY['320402', '320404', '320411'])[1 + i % 3], now()
FROM generate_series(0, :trucks - 1) AS i
WHERE NOT EXISTS (SELECT 1 FROM san_vehicle WHERE terminal_phone = (:first::bigint + i)::text);

-- one all-day plan over every segment at any speed the simulator drives, so no position is skipped for the plan
INSERT INTO san_plan (name, passes_per_day, windows, min_speed_kmh, max_speed_kmh, created_at)
SELECT '压测全天计划 (benchmark)', 1, '00:00-23:59', 0, 60, now()
WHERE NOT EXISTS (SELECT 1 FROM san_plan WHERE name = '压测全天计划 (benchmark)');
INSERT INTO san_plan_segment (plan_id, segment_id)
SELECT (SELECT id FROM san_plan WHERE name = '压测全天计划 (benchmark)'), s.id FROM san_segment s
WHERE NOT EXISTS (SELECT 1 FROM san_plan_segment x WHERE x.segment_id = s.id
                    AND x.plan_id = (SELECT id FROM san_plan WHERE name = '压测全天计划 (benchmark)'));

SELECT count(*) AS benchmark_sanitation_vehicles FROM san_vehicle WHERE company = '压测环卫公司 (benchmark fleet)';
