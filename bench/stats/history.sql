-- A large case history for timing POST /api/v1/stats/rebuild (the rebuild from the cases' own history):
-- :copies copies of every case already in the database (the demo city's, made through the services), each with its
-- steps and SLA alerts, ids shifted so nothing collides. Bench databases only: this writes the cases' tables
-- directly, which the product never does. Run it with cityops stopped (the ids are taken from the current maxima),
-- then start cityops and POST /api/v1/stats/rebuild as admin. The copies are marked already warned and overdue so
-- that the SLA clock does not raise a million new alerts; their copied alerts are their history.
--   psql -h 127.0.0.1 -U postgres -d cityops_hist -v copies=10000 -f bench/stats/history.sql
\timing on
SET synchronous_commit = off;
SELECT max(id) + 1 AS cstride FROM city_case \gset
SELECT max(id) + 1 AS sstride FROM case_step \gset
SELECT coalesce(max(id), 0) + 1 AS astride FROM case_alert \gset

CREATE TEMP TABLE base_case AS SELECT * FROM city_case WHERE id < :cstride;
CREATE TEMP TABLE base_step AS SELECT * FROM case_step WHERE case_id < :cstride;
CREATE TEMP TABLE base_alert AS SELECT * FROM case_alert WHERE case_id < :cstride;

CREATE TEMP TABLE copy_case AS SELECT b.*, k FROM base_case b, generate_series(1, :copies) k;
UPDATE copy_case SET id = id + k * :cstride, case_number = 'H' || (id + k * :cstride), source_module = NULL,
  source_ref = NULL, warned = TRUE, overdue = TRUE;
ALTER TABLE copy_case DROP COLUMN k;
INSERT INTO city_case SELECT * FROM copy_case;
DROP TABLE copy_case;

CREATE TEMP TABLE copy_step AS SELECT b.*, k FROM base_step b, generate_series(1, :copies) k;
UPDATE copy_step SET id = id + k * :sstride, case_id = case_id + k * :cstride;
ALTER TABLE copy_step DROP COLUMN k;
INSERT INTO case_step SELECT * FROM copy_step;
DROP TABLE copy_step;

CREATE TEMP TABLE copy_alert AS SELECT b.*, k FROM base_alert b, generate_series(1, :copies) k;
UPDATE copy_alert SET id = id + k * :astride, case_id = case_id + k * :cstride;
ALTER TABLE copy_alert DROP COLUMN k;
INSERT INTO case_alert SELECT * FROM copy_alert;
DROP TABLE copy_alert;

SELECT setval(pg_get_serial_sequence('city_case', 'id'), (SELECT max(id) FROM city_case));
SELECT setval(pg_get_serial_sequence('case_step', 'id'), (SELECT max(id) FROM case_step));
SELECT setval(pg_get_serial_sequence('case_alert', 'id'), (SELECT coalesce(max(id), 1) FROM case_alert));
ANALYZE city_case; ANALYZE case_step; ANALYZE case_alert;
SELECT count(*) AS cases FROM city_case;
SELECT count(*) AS steps FROM case_step;
