-- Case generator for PostgreSQL: :n cases spread over the past year, the 7 demo districts, 4 real catalogue
-- categories and the statuses of a mature system (about 95 % closed, visited, rejected or merged; 2 % open in
-- every stage, some overdue). Points are spread over the whole municipality (not snapped to grids).
-- Run on a migrated cityops database with the app stopped:
--   psql -h 127.0.0.1 -U postgres -v n=10000000 -f bench/cases/generate.sql <db>
-- The secondary indexes of city_case are dropped for the load and rebuilt from their own definitions after
-- it (pg_get_indexdef), which is several times faster than maintaining 10 B-trees row by row.
\set ON_ERROR_STOP on
\timing on
-- One transaction: a failure leaves the table and its indexes as they were.
BEGIN;
SET LOCAL maintenance_work_mem = '1GB';
SET LOCAL max_parallel_maintenance_workers = 2;
SELECT coalesce(max(id), 0) AS base FROM city_case \gset

CREATE TEMP TABLE gen_category AS
SELECT row_number() OVER (ORDER BY c.code) - 1 AS k, c.id,
       CASE c.kind WHEN 'EVENT' THEN 'E' ELSE 'C' END || c.code AS qualified, c.name
FROM catalog_category c
WHERE c.standard = 'GB/T 47678.5' AND (c.kind, c.code) IN (('EVENT','06010'),('EVENT','06013'),('EVENT','09006'),
                                                           ('COMPONENT','01001'));
SELECT count(*) AS categories, count(*) = 4 AS catalogue_ok FROM gen_category \gset
\if :catalogue_ok
\else
  \echo 'the demo catalogue is missing: start cityops once against this database first'
  ROLLBACK;
  \quit
\endif

CREATE TEMP TABLE gen_index AS
SELECT i.indexname, pg_get_indexdef(x.indexrelid) AS def
FROM pg_indexes i JOIN pg_class ci ON ci.relname = i.indexname JOIN pg_index x ON x.indexrelid = ci.oid
WHERE i.tablename = 'city_case' AND NOT x.indisprimary
  AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = x.indexrelid);
SELECT 'DROP INDEX ' || indexname FROM gen_index \gexec

INSERT INTO city_case (case_number, channel, category_id, category_code, category_name, urgency, description, lat, lon,
  address, grid_code, community_code, street_code, street_name, district_code, district_name, status, is_open,
  department_id, stage, stage_started_at, due_at, warn_at, warned, overdue, created_at, updated_at, closed_at,
  reporter_username)
SELECT to_char(t.created, 'YYYYMMDD') || 'G' || lpad((g + :base)::text, 9, '0'),
       (ARRAY['HOTLINE','INSPECTOR','CITIZEN','OPEN311','MEDIA','LEADER','ALERT'])[1 + g % 7],
       c.id, c.qualified, c.name, 'NORMAL', '生成案卷 ' || g,
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
JOIN gen_category c ON c.k = g % :categories
CROSS JOIN LATERAL (SELECT now() - (random() * interval '365 days') AS created,
    (ARRAY['320402','320404','320411','320412','320413','320481','320491'])[1 + (g / 7) % 7] AS district,
    CASE WHEN g % 100 < 80 THEN 'VISITED' WHEN g % 100 < 95 THEN 'CLOSED' WHEN g % 100 < 97 THEN 'REJECTED'
         WHEN g % 100 < 98 THEN 'MERGED'
         ELSE (ARRAY['PENDING_VERIFY','PENDING_FILE','FILED','DISPATCHED','ACCEPTED','HANDLED','CHECKED',
                     'SUSPENDED','EXTENSION_REQUESTED','ACCEPTED','DISPATCHED','FILED','HANDLED'])[1 + g % 13] END
         AS status) t;

SELECT def FROM gen_index \gexec
COMMIT;
VACUUM (ANALYZE) city_case;
SELECT status, count(*) FROM city_case GROUP BY status ORDER BY 2 DESC;
