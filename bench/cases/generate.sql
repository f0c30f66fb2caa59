-- Case generator for PostgreSQL: :n cases spread over a year, the 7 demo districts and the statuses of a
-- mature system (about 85 % closed or visited, the rest open in every stage, some overdue).
-- Run on a migrated cityops database:  psql -v n=10000000 -f bench/cases/generate.sql <db>
\timing on
INSERT INTO city_case (case_number, channel, category_id, category_code, category_name, urgency, description, lat, lon,
  address, grid_code, community_code, street_code, street_name, district_code, district_name, status, is_open,
  department_id, stage, stage_started_at, due_at, warn_at, warned, overdue, created_at, updated_at, closed_at,
  reporter_username)
SELECT to_char(t.created, 'YYYYMMDD') || 'G' || lpad(g::text, 9, '0'),
       (ARRAY['HOTLINE','INSPECTOR','CITIZEN','OPEN311','MEDIA','LEADER','ALERT'])[1 + g % 7],
       9001 + g % 4, (ARRAY['EVENT:06010','EVENT:06013','EVENT:09006','COMPONENT:01001'])[1 + g % 4],
       (ARRAY['暴露垃圾','道路破损','占道经营','供水井盖'])[1 + g % 4], 'NORMAL', '生成案卷 ' || g,
       31.30 + random() * 0.80, 119.10 + random() * 1.20, '生成路' || g || '号',
       t.district || '001001001', t.district || '001001', t.district || '001', '街道', t.district, '区',
       t.status, t.status NOT IN ('CLOSED','VISITED','REJECTED','MERGED'),
       CASE WHEN t.status IN ('DISPATCHED','ACCEPTED','HANDLED','CHECKED','CLOSED','VISITED') THEN 1 + g % 14 END,
       CASE t.status WHEN 'PENDING_VERIFY' THEN 'VERIFY' WHEN 'PENDING_FILE' THEN 'FILE' WHEN 'FILED' THEN 'DISPATCH'
            WHEN 'DISPATCHED' THEN 'HANDLE' WHEN 'ACCEPTED' THEN 'HANDLE' WHEN 'HANDLED' THEN 'CHECK'
            WHEN 'CHECKED' THEN 'CLOSE' END,
       t.created, t.created + interval '24 hours', t.created + interval '19 hours',
       t.created + interval '19 hours' < now(), t.created + interval '24 hours' < now(),
       t.created, t.created,
       CASE WHEN t.status IN ('CLOSED','VISITED') THEN t.created + interval '20 hours' END, 'generator'
FROM generate_series(1, :n) g
CROSS JOIN LATERAL (SELECT now() - (random() * interval '365 days') AS created,
    (ARRAY['320402','320404','320411','320412','320413','320481','320491'])[1 + (g / 7) % 7] AS district,
    CASE WHEN g % 100 < 80 THEN 'VISITED' WHEN g % 100 < 85 THEN 'CLOSED' WHEN g % 100 < 87 THEN 'REJECTED'
         ELSE (ARRAY['PENDING_VERIFY','PENDING_FILE','FILED','DISPATCHED','ACCEPTED','HANDLED','CHECKED',
                     'SUSPENDED','EXTENSION_REQUESTED','ACCEPTED','DISPATCHED','FILED','HANDLED'])[1 + g % 13] END
         AS status) t;
ANALYZE city_case;
SELECT status, count(*) FROM city_case GROUP BY status ORDER BY 2 DESC;
