-- pgbench script: bench/cases/pgbench-intake.sql without the audit entry (the case row and its first step row in
-- one transaction), to see what the audit row costs. Run: pgbench -n -f pgbench-intake-noaudit.sql -c 16 -j 2 -T 30 <db>
\set n random(1, 2000000000)
BEGIN;
INSERT INTO city_case (case_number, channel, category_id, category_code, category_name, urgency, description, lat, lon,
  address, grid_code, community_code, street_code, street_name, district_code, district_name, reporter_name,
  reporter_phone, reporter_username, status, is_open, stage, stage_started_at, due_at, warn_at, created_at, updated_at)
VALUES ('B' || :n || '-' || txid_current(), 'HOTLINE', 9001, 'EVENT:06010', '暴露垃圾', 'NORMAL', '压测案卷 ' || :n,
  31.7 + random() * 0.15, 119.85 + random() * 0.2, '压测路', '320402001001001', '320402001001', '320402001', '街道',
  '320402', '天宁区', '压测', '13800000000', 'operator1', 'PENDING_VERIFY', TRUE, 'VERIFY', now(),
  now() + interval '1 hour', now() + interval '48 minutes', now(), now());
INSERT INTO case_step (case_id, action, to_status, actor, actor_name, role, started_at, acted_at, on_time)
VALUES (currval(pg_get_serial_sequence('city_case', 'id')), 'INTAKE', 'PENDING_VERIFY', 'operator1', '受理员一',
  'OPERATOR', now(), now(), TRUE);
END;
