package org.cityops.org.internal.excel;

/** What an import did, per sheet. */
public record ImportResult(Counts units, Counts departments, Counts users) {

    public record Counts(int created, int updated, int unchanged) {}
}
