-- The load benchmark's fleet in the muck registry, so that every simulated position goes through the alarm
-- engine (vehicle lookup, permits of the day, no-go and speed zones) and not past it. Plates are the ones
-- TruckSimulator registers with (苏D + the last five digits of the terminal number).
--   psql -v first=13800000000 -v trucks=10000 -f bench/telemetry/fleet.sql <db>
INSERT INTO muck_company (code, name, district_code)
SELECT 'BENCH', '压测运输公司 (benchmark fleet)', '320402'
WHERE NOT EXISTS (SELECT 1 FROM muck_company WHERE code = 'BENCH');

INSERT INTO muck_vehicle (plate, plate_color, terminal_phone, company_id, rated_volume_m3, district_code, status,
                          created_at)
SELECT '苏D' || right((:first::bigint + i)::text, 5), 2, (:first::bigint + i)::text,
       (SELECT id FROM muck_company WHERE code = 'BENCH'), 12, '320402', 'ACTIVE', now()
FROM generate_series(0, :trucks - 1) AS i
ON CONFLICT DO NOTHING;

SELECT count(*) AS benchmark_vehicles FROM muck_vehicle WHERE company_id = (SELECT id FROM muck_company WHERE code = 'BENCH');
