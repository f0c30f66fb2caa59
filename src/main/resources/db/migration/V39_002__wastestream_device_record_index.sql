-- A batch's duplicate check looks device record ids up without the tenant (the unique key leads with tenant_id,
-- which PostgreSQL cannot use for device_record_id alone): without this index each batch of 2,000 scanned the whole
-- table, and a month of 1 M pickups slowed to tens of rows a second (bench/wastestream).
CREATE INDEX wst_collection_device_idx ON wst_collection (device_record_id);
