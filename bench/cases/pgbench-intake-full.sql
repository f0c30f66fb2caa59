-- pgbench script doing every write of one API intake's transaction as the code stands since issues 12 and 22
-- (CaseIntake.create): the case row, its two step rows in one statement (受理 and 指派监督员: a hotline case waits
-- for 核实, so the grid's inspector gets the task), two audit entries (each carrying the digest of its step row),
-- and the two case events (CaseReported, CaseStepCompleted) in the case event log, serialized as the app does
-- (JSON of the record's fields; the app's payloads are ≈ 350 and ≈ 650 characters).
-- Not included, as in the app they are not in the intake's transaction: the case number block (one short
-- transaction per 50 numbers), the event log's sequencer and consumers, the audit chainer (all after commit).
-- Run: pgbench -n -f pgbench-intake-full.sql -c 16 -j 2 -T 30 <db>
\set n random(1, 2000000000)
BEGIN;
INSERT INTO city_case (case_number, channel, category_id, category_code, category_name, urgency, description, lat, lon,
  address, grid_code, community_code, street_code, street_name, district_code, district_name, reporter_name,
  reporter_phone, reporter_username, status, is_open, stage, stage_started_at, due_at, warn_at, created_at, updated_at)
VALUES ('B' || :n || '-' || txid_current(), 'HOTLINE', 9001, 'EVENT:06010', '暴露垃圾', 'NORMAL', '压测案卷 ' || :n,
  31.7 + random() * 0.15, 119.85 + random() * 0.2, '压测路', '320402001001001', '320402001001', '320402001', '街道',
  '320402', '天宁区', '压测', '13800000000', 'operator1', 'PENDING_VERIFY', TRUE, 'VERIFY', now(),
  now() + interval '1 hour', now() + interval '48 minutes', now(), now());
INSERT INTO case_step (case_id, action, stage, to_status, actor, actor_name, role, started_at, due_at, acted_at, on_time,
  inspector)
VALUES (currval(pg_get_serial_sequence('city_case', 'id')), 'INTAKE', 'ACCEPT', 'PENDING_VERIFY', 'operator1', '受理员一',
  'OPERATOR', now(), NULL, now(), TRUE, NULL),
  (currval(pg_get_serial_sequence('city_case', 'id')), 'ASSIGN_INSPECTOR', 'VERIFY', 'PENDING_VERIFY', 'operator1',
  '受理员一', 'OPERATOR', now(), now() + interval '1 hour', now(), TRUE, 'inspector1');
INSERT INTO audit_entry (occurred_at, username, role, client_ip, entity_type, entity_id, action, before_summary,
  after_summary, record_table, record_id, record_digest)
VALUES (now(), 'operator1', 'OPERATOR', '127.0.0.1', 'CASE', 'B' || :n, 'INTAKE', NULL,
  'status=PENDING_VERIFY channel=HOTLINE category=EVENT:06010 grid=320402001001001', 'case_step', currval(pg_get_serial_sequence('case_step', 'id')) - 1,
  md5(:n::text) || md5(:n::text)),
  (now(), 'operator1', 'OPERATOR', '127.0.0.1', 'CASE', 'B' || :n, 'ASSIGN_INSPECTOR', 'status=PENDING_VERIFY',
  'status=PENDING_VERIFY inspector=inspector1', 'case_step', currval(pg_get_serial_sequence('case_step', 'id')), md5(:n::text) || md5((:n + 1)::text));
INSERT INTO case_event_log (case_id, event_type, payload, recorded_at)
VALUES (currval(pg_get_serial_sequence('city_case', 'id')), 'CaseReported',
  '{"caseId":' || currval(pg_get_serial_sequence('city_case', 'id')) || ',"caseNumber":"B' || :n || '","channel":"HOTLINE",'
  || '"categoryCode":"EVENT:06010","gridCode":"320402001001001","districtCode":"320402","reportedAt":"'
  || now() || '","actor":"operator1","role":"OPERATOR","communityCode":"320402001001","streetCode":"320402001"}', now()),
  (currval(pg_get_serial_sequence('city_case', 'id')), 'CaseStepCompleted',
  '{"caseId":' || currval(pg_get_serial_sequence('city_case', 'id')) || ',"caseNumber":"B' || :n || '",'
  || '"action":"ASSIGN_INSPECTOR","stage":"VERIFY","from":"PENDING_VERIFY","to":"PENDING_VERIFY","actor":"operator1",'
  || '"role":"OPERATOR","departmentCode":null,"districtCode":"320402","gridCode":"320402001001001","dueAt":"'
  || (now() + interval '1 hour') || '","actedAt":"' || now() || '","onTime":true,"categoryCode":"EVENT:06010",'
  || '"channel":"HOTLINE","communityCode":"320402001001","streetCode":"320402001","reporter":"压测","supervised":false,'
  || '"satisfaction":null,"note":null,"assignee":null,"inspector":"inspector1","handledByDeadline":null}', now());
END;
