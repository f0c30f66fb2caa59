-- Issue 17 at 1 M pickups a month (bench/wastestream, docs/benchmarks.md "wastestream: plans at 1 M"):
-- 1. The device record id is looked up without the tenant (a batch's or a file's duplicate check, the mobile page),
--    which needed its own index beside the unique key (V39_002). The unique key now leads with device_record_id and
--    serves both: one index less to keep up on every insert of a bulk load.
ALTER TABLE wst_collection DROP CONSTRAINT wst_collection_record_uk;
ALTER TABLE wst_collection ADD CONSTRAINT wst_collection_record_uk UNIQUE (device_record_id, tenant_id);
DROP INDEX wst_collection_device_idx;
-- 2. A month's trips are summed per weighbridge receipt in the database (TripDetails.month): the vehicle's pickups
--    between two weigh-ins, read from the index alone when it carries the net weight.
DROP INDEX wst_collection_vehicle_idx;
CREATE INDEX wst_collection_vehicle_idx ON wst_collection (vehicle_id, collected_at, net_kg);
