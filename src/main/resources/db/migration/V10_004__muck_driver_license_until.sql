-- 驾驶证有效期至: the driver's licence expiry (optional; drivers registered before have none). The expiring-soon
-- view (即将到期) lists it next to company qualifications and permits.
ALTER TABLE muck_driver ADD COLUMN license_until DATE;
