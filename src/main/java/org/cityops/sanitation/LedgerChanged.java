package org.cityops.sanitation;

/**
 * The road ledger, the fleet or the plans changed: the coverage engine reloads its network. Published and consumed
 * inside the sanitation module only.
 */
public record LedgerChanged(String what) {}
