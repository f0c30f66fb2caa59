package org.cityops.catalog.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.cityops.audit.AuditTrail;
import org.cityops.catalog.TimeLimit;
import org.cityops.catalog.internal.excel.CategoryWorkbook;
import org.cityops.catalog.internal.excel.RoutingWorkbook;
import org.cityops.catalog.internal.excel.RowError;
import org.cityops.platform.InvalidInputException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Excel imports, all or nothing: every row is checked first; with any error nothing is written and the report
 * lists the errors row by row. Otherwise every change is written (and audited) in one transaction.
 */
@Service
public class CatalogImporter {

    /** What an import did, or why it did nothing. */
    public record ImportReport(boolean applied, int created, int updated, int unchanged, List<RowError> errors) {}

    private static final Map<String, Integer> CATEGORY_COLUMNS = Map.of(
            "standard",
            0,
            "kind",
            1,
            "code",
            2,
            "name",
            4,
            "majorCode",
            5,
            "majorName",
            6,
            "filingCondition",
            7,
            "closingCondition",
            8);
    private static final List<String> CATEGORY_HEADERS = List.of(
            "标准 standard",
            "种类 kind",
            "代码 code",
            "完整代码 qualified code",
            "名称 name",
            "大类代码 major code",
            "大类名称 major name",
            "立案条件 filing condition",
            "结案条件 closing condition",
            "启用 active");

    private final CatalogStore store;
    private final CatalogService catalog;
    private final RoutingAdmin routing;
    private final AuditTrail audit;
    private final Clock clock;

    CatalogImporter(CatalogStore store, CatalogService catalog, RoutingAdmin routing, AuditTrail audit, Clock clock) {
        this.store = store;
        this.catalog = catalog;
        this.routing = routing;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public ImportReport importCategories(CategoryWorkbook.Parsed parsed) {
        List<RowError> errors = new ArrayList<>(parsed.errors());
        CatalogSnapshot s = catalog.snapshot();
        Map<String, Category> rows = new LinkedHashMap<>();
        for (CategoryWorkbook.CategoryRow row : parsed.categories()) {
            try {
                Category c = CategoryAdmin.validated(0, row.draft(), 0);
                if (rows.put(c.qualifiedCode(), c) != null) {
                    errors.add(new RowError(
                            CategoryWorkbook.CATEGORIES,
                            row.row(),
                            CATEGORY_HEADERS.get(2),
                            "文件中重复 duplicate category " + c.qualifiedCode()));
                }
            } catch (InvalidInputException e) {
                Integer col = e.field() == null ? null : CATEGORY_COLUMNS.get(e.field());
                errors.add(new RowError(
                        CategoryWorkbook.CATEGORIES,
                        row.row(),
                        col == null ? null : CATEGORY_HEADERS.get(col),
                        e.getMessage()));
            }
        }
        Map<String, Map<LimitKey, TimeLimit>> limits = new LinkedHashMap<>();
        for (CategoryWorkbook.LimitRow row : parsed.limits()) {
            if (!rows.containsKey(row.qualifiedCode())
                    && s.byQualifiedCode(row.qualifiedCode()).isEmpty()) {
                errors.add(new RowError(
                        CategoryWorkbook.LIMITS,
                        row.row(),
                        "完整代码 qualified code",
                        "分类不存在 no category " + row.qualifiedCode()));
                continue;
            }
            try {
                CategoryAdmin.checkLimit(row.limit());
            } catch (InvalidInputException e) {
                errors.add(new RowError(CategoryWorkbook.LIMITS, row.row(), "时限（小时） hours", e.getMessage()));
                continue;
            }
            if (limits.computeIfAbsent(row.qualifiedCode(), k -> new HashMap<>())
                            .put(row.key(), row.limit())
                    != null) {
                errors.add(new RowError(
                        CategoryWorkbook.LIMITS,
                        row.row(),
                        "环节 stage",
                        "文件中重复 duplicate " + row.qualifiedCode() + " "
                                + row.key().stage() + "/" + row.key().urgency()));
            }
        }
        if (!errors.isEmpty()) {
            return new ImportReport(false, 0, 0, 0, errors);
        }
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        Map<String, Long> ids = new HashMap<>();
        for (Category c : rows.values()) {
            Optional<Category> existing = s.byQualifiedCode(c.qualifiedCode());
            if (existing.isEmpty()) {
                long id = store.insert(c, clock.instant());
                ids.put(c.qualifiedCode(), id);
                audit.record("CATALOG_CATEGORY", String.valueOf(id), "IMPORT_CREATE", null, c.summary());
                created++;
                continue;
            }
            Category before = existing.get();
            ids.put(c.qualifiedCode(), before.id());
            Category after = new Category(
                    before.id(),
                    before.standard(),
                    before.kind(),
                    before.code(),
                    before.qualifiedCode(),
                    c.name(),
                    c.majorCode(),
                    c.majorName(),
                    c.filingCondition(),
                    c.closingCondition(),
                    c.active(),
                    before.version() + 1);
            if (sameContent(before, after)) {
                unchanged++;
            } else {
                store.update(after, before.version(), clock.instant());
                audit.record(
                        "CATALOG_CATEGORY",
                        String.valueOf(before.id()),
                        "IMPORT_UPDATE",
                        before.summary(),
                        after.summary());
                updated++;
            }
        }
        Set<String> limitCodes = new LinkedHashSet<>(rows.keySet());
        limitCodes.addAll(limits.keySet());
        for (String code : limitCodes) {
            Map<LimitKey, TimeLimit> wanted = limits.getOrDefault(code, Map.of());
            Long id = ids.get(code);
            if (id == null) {
                id = s.byQualifiedCode(code).orElseThrow().id();
            }
            Map<LimitKey, TimeLimit> current = s.ownLimits(id);
            if (!current.equals(wanted)) {
                store.replaceLimits(id, wanted);
                audit.record(
                        "CATALOG_LIMIT",
                        String.valueOf(id),
                        "IMPORT",
                        code + " " + CategoryAdmin.describe(current),
                        code + " " + CategoryAdmin.describe(wanted));
            }
        }
        AfterTransaction.run(catalog::invalidate);
        return new ImportReport(true, created, updated, unchanged, List.of());
    }

    private static boolean sameContent(Category a, Category b) {
        return a.name().equals(b.name())
                && a.majorCode().equals(b.majorCode())
                && a.majorName().equals(b.majorName())
                && Objects.equals(a.filingCondition(), b.filingCondition())
                && Objects.equals(a.closingCondition(), b.closingCondition())
                && a.active() == b.active();
    }

    @Transactional
    public ImportReport importRouting(RoutingWorkbook.Parsed parsed) {
        List<RowError> errors = new ArrayList<>(parsed.errors());
        List<RoutingRule> valid = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (RoutingWorkbook.RuleRow row : parsed.rules()) {
            try {
                RoutingRule r =
                        routing.validated(0, row.selector(), row.areaPrefix(), row.departmentCode(), row.note(), 0);
                if (!keys.add(r.selector() + "@" + r.areaPrefix())) {
                    errors.add(new RowError(
                            RoutingWorkbook.RULES,
                            row.row(),
                            "分类选择器 selector",
                            "文件中重复 duplicate rule " + r.selector() + " @ '" + r.areaPrefix() + "'"));
                } else {
                    valid.add(r);
                }
            } catch (InvalidInputException e) {
                errors.add(new RowError(RoutingWorkbook.RULES, row.row(), routingColumn(e.field()), e.getMessage()));
            }
        }
        if (!errors.isEmpty()) {
            return new ImportReport(false, 0, 0, 0, errors);
        }
        CatalogSnapshot s = catalog.snapshot();
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        for (RoutingRule r : valid) {
            Optional<RoutingRule> existing = s.rules().stream()
                    .filter(e ->
                            e.selector().equals(r.selector()) && e.areaPrefix().equals(r.areaPrefix()))
                    .findFirst();
            if (existing.isEmpty()) {
                long id = store.insertRule(r);
                audit.record("CATALOG_ROUTING_RULE", String.valueOf(id), "IMPORT_CREATE", null, r.summary());
                created++;
            } else if (existing.get().departmentCode().equals(r.departmentCode())
                    && Objects.equals(existing.get().note(), r.note())) {
                unchanged++;
            } else {
                RoutingRule e = existing.get();
                store.updateRule(
                        new RoutingRule(
                                e.id(), r.selector(), r.areaPrefix(), r.departmentCode(), r.note(), e.version() + 1),
                        e.version());
                audit.record("CATALOG_ROUTING_RULE", String.valueOf(e.id()), "IMPORT_UPDATE", e.summary(), r.summary());
                updated++;
            }
        }
        AfterTransaction.run(catalog::invalidate);
        return new ImportReport(true, created, updated, unchanged, List.of());
    }

    private static String routingColumn(String field) {
        if (field == null) {
            return null;
        }
        return switch (field) {
            case "selector" -> "分类选择器 selector";
            case "areaPrefix" -> "区域代码 area code";
            case "departmentCode" -> "部门代码 department code";
            case "note" -> "备注 note";
            default -> null;
        };
    }
}
