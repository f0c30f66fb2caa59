-- audit_entry_pending_idx indexed chain_seq a second time (the UNIQUE constraint already does), so every
-- audit insert and every chain link paid for two identical index updates.
DROP INDEX IF EXISTS audit_entry_pending_idx;
