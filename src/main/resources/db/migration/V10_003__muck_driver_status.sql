-- 驾驶员 may be suspended (停用) like the registry's other records; existing drivers stay active.
ALTER TABLE muck_driver ADD COLUMN status VARCHAR(16) NOT NULL DEFAULT 'ACTIVE';
