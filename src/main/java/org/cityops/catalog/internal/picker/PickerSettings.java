package org.cityops.catalog.internal.picker;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import org.cityops.audit.AuditTrail;
import org.cityops.catalog.internal.AfterTransaction;
import org.cityops.catalog.internal.CategoryCodes;
import org.cityops.platform.DbTime;
import org.cityops.platform.InvalidInputException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which code sets (GB/T 47678.5, GB/T 30428.2, LOCAL) the city's users see in the category picker, in that order.
 * An administrator's choice (table catalog_setting, audited as CATALOG_SETTING) wins over the configuration's
 * default {@code cityops.catalog.picker-code-sets}. Cases may still name any active category by code (the API,
 * Open311, other modules): this only decides what the picker offers.
 */
@Service
public class PickerSettings {

    public static final String KEY = "picker.code-sets";
    public static final List<String> ALL = List.of(CategoryCodes.GB47678, CategoryCodes.GB30428, CategoryCodes.LOCAL);
    private static final long MAX_AGE_NANOS = 60_000_000_000L;

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;
    private final List<String> configured;
    private volatile List<String> cached;
    private volatile long loadedAt;

    PickerSettings(
            JdbcClient jdbc,
            AuditTrail audit,
            Clock clock,
            @Value("${cityops.catalog.picker-code-sets:GB/T 47678.5,LOCAL}") String configured) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
        this.configured = parse(configured);
    }

    /** The configuration's default (a comma-separated list; "47678", "30428" and "local" are understood). */
    public List<String> configured() {
        return configured;
    }

    /** The code sets shown, in order. */
    public List<String> codeSets() {
        List<String> c = cached;
        if (c == null || System.nanoTime() - loadedAt > MAX_AGE_NANOS) {
            c = jdbc.sql("SELECT setting_value FROM catalog_setting WHERE tenant_id = 'default' AND setting_key = :k")
                    .param("k", KEY)
                    .query(String.class)
                    .optional()
                    .map(PickerSettings::parse)
                    .orElse(configured);
            cached = c;
            loadedAt = System.nanoTime();
        }
        return c;
    }

    /** Sets the code sets shown (at least one); audited. */
    @Transactional
    public List<String> setCodeSets(List<String> codeSets, String by) {
        if (codeSets == null || codeSets.stream().allMatch(s -> s == null || s.isBlank())) {
            throw new InvalidInputException("至少选择一个代码集 choose at least one code set", "codeSets");
        }
        LinkedHashSet<String> normalized = new LinkedHashSet<>();
        for (String s : codeSets) {
            if (s != null && !s.isBlank()) {
                normalized.add(CategoryCodes.normalizeStandard(s));
            }
        }
        List<String> value = new ArrayList<>(normalized);
        List<String> before = codeSets();
        String text = String.join(",", value);
        int updated = jdbc.sql("""
                UPDATE catalog_setting SET setting_value = :v, updated_at = :t, updated_by = :u
                WHERE tenant_id = 'default' AND setting_key = :k""")
                .param("v", text)
                .param("t", DbTime.toDb(clock.instant()))
                .param("u", by)
                .param("k", KEY)
                .update();
        if (updated == 0) {
            jdbc.sql("""
                    INSERT INTO catalog_setting (setting_key, setting_value, updated_at, updated_by)
                    VALUES (:k, :v, :t, :u)""")
                    .param("v", text)
                    .param("t", DbTime.toDb(clock.instant()))
                    .param("u", by)
                    .param("k", KEY)
                    .update();
        }
        audit.record("CATALOG_SETTING", KEY, "UPDATE", String.join(",", before), text);
        cached = null;
        AfterTransaction.run(() -> cached = null);
        return List.copyOf(value);
    }

    static List<String> parse(String text) {
        List<String> out = new ArrayList<>();
        for (String s : Arrays.asList((text == null ? "" : text).split(","))) {
            if (!s.isBlank()) {
                String std = CategoryCodes.normalizeStandard(s);
                if (!out.contains(std)) {
                    out.add(std);
                }
            }
        }
        return out.isEmpty() ? ALL : List.copyOf(out);
    }
}
