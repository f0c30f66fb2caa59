-- Catalogue settings a city changes at run time (key/value per tenant), e.g. picker.code-sets: which code sets
-- (GB/T 47678.5, GB/T 30428.2, LOCAL) the category picker shows. No row: the configuration's default.
CREATE TABLE catalog_setting (
    tenant_id     VARCHAR(32)  NOT NULL DEFAULT 'default',
    setting_key   VARCHAR(64)  NOT NULL,
    setting_value VARCHAR(1000) NOT NULL,
    updated_at    TIMESTAMP WITH TIME ZONE,
    updated_by    VARCHAR(64),
    PRIMARY KEY (tenant_id, setting_key)
);
