-- Issue 11 (gateway hardening): the gateway asks the vehicle registry about a terminal on every 0x0100
-- registration and 0x0102 authentication (WHERE terminal_phone = ? AND status <> 'RETIRED'). The unique key
-- (tenant_id, terminal_phone) does not serve a lookup by terminal alone (it leads with tenant_id), so that was a
-- scan of muck_vehicle per message: 10,000 terminals registering after a restart took ≈ 45 s.
CREATE INDEX muck_vehicle_terminal_idx ON muck_vehicle (terminal_phone);
