package org.cityops.catalog.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.cityops.audit.AuditTrail;
import org.cityops.catalog.CategoryKind;
import org.cityops.catalog.TimeLimit;
import org.cityops.platform.ConflictException;
import org.cityops.platform.InvalidInputException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creating and editing categories and their time limits; every change audited. */
@Service
public class CategoryAdmin {

    /** Longest time limit accepted: a year. */
    static final Duration MAX_LIMIT = Duration.ofDays(366);

    private final CatalogStore store;
    private final CatalogService catalog;
    private final AuditTrail audit;
    private final Clock clock;

    CategoryAdmin(CatalogStore store, CatalogService catalog, AuditTrail audit, Clock clock) {
        this.store = store;
        this.catalog = catalog;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Category create(CategoryDraft d) {
        Category c = validated(0, d, 0);
        if (store.exists(c.qualifiedCode())) {
            throw new ConflictException("分类已存在 category " + c.qualifiedCode() + " already exists");
        }
        long id = store.insert(c, clock.instant());
        Category saved = new Category(
                id,
                c.standard(),
                c.kind(),
                c.code(),
                c.qualifiedCode(),
                c.name(),
                c.majorCode(),
                c.majorName(),
                c.filingCondition(),
                c.closingCondition(),
                c.active(),
                0);
        audit.record("CATALOG_CATEGORY", String.valueOf(id), "CREATE", null, saved.summary());
        changed();
        return saved;
    }

    /**
     * Edits name, major, conditions and active flag (a null field keeps its value, an empty condition clears
     * it); standard, kind and code never change.
     */
    @Transactional
    public Category update(long id, CategoryDraft d, int expectedVersion) {
        Category before = catalog.require(id);
        CategoryDraft merged = new CategoryDraft(
                before.standard(),
                before.kind(),
                before.code(),
                d.name() == null ? before.name() : d.name(),
                d.majorCode() == null ? before.majorCode() : d.majorCode(),
                d.majorName() == null ? before.majorName() : d.majorName(),
                d.filingCondition() == null ? before.filingCondition() : d.filingCondition(),
                d.closingCondition() == null ? before.closingCondition() : d.closingCondition(),
                d.active() == null ? before.active() : d.active());
        Category after = validated(id, merged, expectedVersion + 1);
        store.update(after, expectedVersion, clock.instant());
        audit.record("CATALOG_CATEGORY", String.valueOf(id), "UPDATE", before.summary(), after.summary());
        changed();
        return after;
    }

    @Transactional
    public Category setActive(long id, boolean active) {
        Category before = catalog.require(id);
        if (before.active() == active) {
            return before;
        }
        Category after = new Category(
                id,
                before.standard(),
                before.kind(),
                before.code(),
                before.qualifiedCode(),
                before.name(),
                before.majorCode(),
                before.majorName(),
                before.filingCondition(),
                before.closingCondition(),
                active,
                before.version() + 1);
        store.update(after, before.version(), clock.instant());
        audit.record(
                "CATALOG_CATEGORY",
                String.valueOf(id),
                active ? "ACTIVATE" : "DEACTIVATE",
                before.summary(),
                after.summary());
        changed();
        return after;
    }

    /** Replaces a category's own limits; stages × urgencies missing from the map use the defaults. */
    @Transactional
    public void setLimits(long id, Map<LimitKey, TimeLimit> limits) {
        Category c = catalog.require(id);
        limits.values().forEach(CategoryAdmin::checkLimit);
        String before = describe(catalog.snapshot().ownLimits(id));
        store.replaceLimits(id, limits);
        audit.record(
                "CATALOG_LIMIT",
                String.valueOf(id),
                "UPDATE",
                c.qualifiedCode() + " " + before,
                c.qualifiedCode() + " " + describe(limits));
        changed();
    }

    @Transactional
    public void setDefaults(Map<LimitKey, TimeLimit> limits) {
        limits.values().forEach(CategoryAdmin::checkLimit);
        limits.forEach((key, limit) -> {
            TimeLimit before = catalog.snapshot().defaultLimit(key.stage(), key.urgency());
            store.putDefault(key, limit);
            audit.record(
                    "CATALOG_DEFAULT_LIMIT",
                    key.stage() + "/" + key.urgency(),
                    "UPDATE",
                    describe(before),
                    describe(limit));
        });
        changed();
    }

    public static void checkLimit(TimeLimit limit) {
        if (limit == null || limit.duration() == null || limit.basis() == null) {
            throw new InvalidInputException("时限须有时长和计时方式 a limit needs a duration and a basis", "limits");
        }
        if (limit.duration().isNegative()
                || limit.duration().isZero()
                || limit.duration().compareTo(MAX_LIMIT) > 0) {
            throw new InvalidInputException(
                    "时限须大于 0 且不超过 366 天 a limit must be more than 0 and at most 366 days", "limits");
        }
        if (limit.duration().toSeconds() % 60 != 0) {
            throw new InvalidInputException("时限须为整分钟 a limit must be whole minutes", "limits");
        }
    }

    public static String describe(TimeLimit l) {
        return l.duration().toMinutes() + "min " + l.basis();
    }

    static String describe(Map<LimitKey, TimeLimit> limits) {
        return new TreeMap<>(limits.entrySet().stream()
                        .collect(Collectors.toMap(
                                e -> e.getKey().stage() + "/" + e.getKey().urgency(), e -> describe(e.getValue()))))
                .toString();
    }

    private void changed() {
        AfterTransaction.run(catalog::invalidate);
    }

    /** Checks a draft and turns it into a category (id and version as given). */
    public static Category validated(long id, CategoryDraft d, int version) {
        String standard = CategoryCodes.normalizeStandard(d.standard());
        CategoryKind kind = d.kind();
        if (kind == null) {
            throw new InvalidInputException("缺少种类（部件/事件） kind is required (COMPONENT or EVENT)", "kind");
        }
        String code = d.code() == null ? "" : d.code().trim().toUpperCase(Locale.ROOT);
        if (!CategoryCodes.isValidCode(standard, code)) {
            throw new InvalidInputException(
                    "代码格式不对 code '" + d.code() + "' does not fit " + standard
                            + " (GB/T 47678.5: 5 digits, GB/T 30428.2: 4 digits, LOCAL: 1-12 letters or digits)",
                    "code");
        }
        String name = required(d.name(), "name", 200);
        String majorCode = d.majorCode() == null ? "" : d.majorCode().trim().toUpperCase(Locale.ROOT);
        String implied = CategoryCodes.impliedMajor(standard, code);
        if (implied != null) {
            if (!majorCode.isEmpty() && !majorCode.equals(implied)) {
                throw new InvalidInputException(
                        "大类代码须为代码前两位 the major code must be the code's first two digits (" + implied + ")",
                        "majorCode");
            }
            majorCode = implied;
        } else if (!majorCode.matches("[A-Z0-9]{1,8}")) {
            throw new InvalidInputException(
                    "本地分类须给出大类代码（1-8 位字母数字） a LOCAL category needs a major code of " + "1-8 letters or digits",
                    "majorCode");
        }
        String majorName = required(d.majorName(), "majorName", 100);
        String filing = optional(d.filingCondition(), "filingCondition", 4000);
        String closing = optional(d.closingCondition(), "closingCondition", 4000);
        return new Category(
                id,
                standard,
                kind,
                code,
                CategoryCodes.qualified(standard, kind, code),
                name,
                majorCode,
                majorName,
                filing,
                closing,
                d.active() == null || d.active(),
                version);
    }

    private static String required(String value, String field, int max) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException("不能为空 " + field + " is required", field);
        }
        return optional(value, field, max);
    }

    private static String optional(String value, String field, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.trim();
        if (v.length() > max) {
            throw new InvalidInputException("过长 " + field + " is longer than " + max + " characters", field);
        }
        return v;
    }
}
