package org.cityops.catalog.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.cityops.audit.AuditTrail;
import org.cityops.catalog.CategoryKind;
import org.cityops.catalog.ProcessStage;
import org.cityops.catalog.TimeBasis;
import org.cityops.catalog.TimeLimit;
import org.cityops.catalog.Urgency;
import org.cityops.catalog.internal.CatalogService;
import org.cityops.catalog.internal.CatalogSnapshot;
import org.cityops.catalog.internal.CatalogStore;
import org.cityops.catalog.internal.Category;
import org.cityops.catalog.internal.CategoryCodes;
import org.cityops.catalog.internal.LimitKey;
import org.cityops.catalog.internal.RoutingRule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo catalogue (demo profile only): all GB/T 47678.5 categories from the unverified transcription in
 * {@code catalog/gbt47678-5-catalog-unverified.csv}, a few GB/T 30428.2 ones, two local construction-waste
 * categories, demo filing/closing conditions and time limits (ours, not the standard's), and routing rules so
 * that every case finds a department. Idempotent: adds only what is missing, never overwrites an edit.
 */
@Component
@Profile("demo")
@Order(30)
class DemoCatalogSeeder implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoCatalogSeeder.class);
    static final String CSV = "catalog/gbt47678-5-catalog-unverified.csv";

    static final List<String> DISTRICTS = List.of("320402", "320404", "320411", "320412", "320413", "320481", "320491");

    private final CatalogStore store;
    private final CatalogService catalog;
    private final AuditTrail audit;
    private final Clock clock;

    DemoCatalogSeeder(CatalogStore store, CatalogService catalog, AuditTrail audit, Clock clock) {
        this.store = store;
        this.catalog = catalog;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        CatalogSnapshot existing = store.load();
        Set<String> known = existing.all().stream().map(Category::qualifiedCode).collect(Collectors.toSet());
        Map<String, Long> ids = new HashMap<>();
        existing.all().forEach(c -> ids.put(c.qualifiedCode(), c.id()));
        int added = 0;
        Set<String> addedCodes = new HashSet<>();
        for (Category c : categories()) {
            if (known.add(c.qualifiedCode())) {
                ids.put(c.qualifiedCode(), store.insert(c, clock.instant()));
                addedCodes.add(c.qualifiedCode());
                added++;
            }
        }
        for (Map.Entry<String, Map<LimitKey, TimeLimit>> e : limits().entrySet()) {
            if (addedCodes.contains(e.getKey())) {
                store.replaceLimits(ids.get(e.getKey()), e.getValue());
            }
        }
        Set<String> ruleKeys = existing.rules().stream()
                .map(r -> r.selector() + "@" + r.areaPrefix())
                .collect(Collectors.toSet());
        int rules = 0;
        for (RoutingRule r : rules()) {
            if (ruleKeys.add(r.selector() + "@" + r.areaPrefix())) {
                store.insertRule(r);
                rules++;
            }
        }
        if (added > 0 || rules > 0) {
            audit.record("CATALOG", "demo", "SEED", null, added + " categories, " + rules + " routing rules");
            org.cityops.catalog.internal.AfterTransaction.run(catalog::invalidate);
            log.info("Demo catalogue: {} categories and {} routing rules added", added, rules);
        }
    }

    /** Every category of the demo, in a stable order. */
    static List<Category> categories() {
        List<Category> list = new ArrayList<>();
        for (String[] row : csvRows()) {
            CategoryKind kind = row[0].equals("管理部件") ? CategoryKind.COMPONENT : CategoryKind.EVENT;
            list.add(category(CategoryCodes.GB47678, kind, row[1], row[3], row[1].substring(0, 2), row[2]));
        }
        // GB/T 30428.2-2013: 部件 大类 01 公用设施 and 事件 大类 01 市容环境; only the first few small classes
        // (0101 上水井盖 is verified by the reference, the rest are to be checked against the standard's text).
        String[][] old = {
            {"C", "0101", "上水井盖", "公用设施"}, {"C", "0102", "污水井盖", "公用设施"},
            {"C", "0103", "雨水井盖", "公用设施"}, {"C", "0104", "雨水箅子", "公用设施"},
            {"E", "0101", "私搭乱建", "市容环境"}, {"E", "0102", "暴露垃圾", "市容环境"},
            {"E", "0103", "积存垃圾渣土", "市容环境"}, {"E", "0104", "道路不洁", "市容环境"}
        };
        for (String[] o : old) {
            list.add(category(CategoryCodes.GB30428, CategoryCodes.kindOf(o[0].charAt(0)), o[1], o[2], "01", o[3]));
        }
        list.add(category(CategoryCodes.LOCAL, CategoryKind.EVENT, "ZT01", "建筑垃圾违规运输", "ZT", "建筑垃圾运输处置（本地扩展）"));
        list.add(category(CategoryCodes.LOCAL, CategoryKind.EVENT, "ZT02", "建筑垃圾乱倒乱卸", "ZT", "建筑垃圾运输处置（本地扩展）"));
        return list;
    }

    private static Category category(
            String standard, CategoryKind kind, String code, String name, String majorCode, String majorName) {
        String[] conditions = DemoConditions.of(standard, kind, code, name);
        return new Category(
                0,
                standard,
                kind,
                code,
                CategoryCodes.qualified(standard, kind, code),
                name,
                majorCode,
                majorName,
                conditions[0],
                conditions[1],
                true,
                0);
    }

    /** Demo limits of a few categories (ours): sanitation runs 7 days a week, so natural hours. */
    static Map<String, Map<LimitKey, TimeLimit>> limits() {
        Map<String, Map<LimitKey, TimeLimit>> m = new LinkedHashMap<>();
        Map<LimitKey, TimeLimit> sanitation = Map.of(
                new LimitKey(ProcessStage.HANDLE, Urgency.NORMAL), natural(12 * 60),
                new LimitKey(ProcessStage.HANDLE, Urgency.URGENT), natural(4 * 60),
                new LimitKey(ProcessStage.HANDLE, Urgency.CRITICAL), natural(2 * 60));
        for (String code : List.of(
                "E06010",
                "E06011",
                "E06012",
                "E06014",
                "E06037",
                "E06042",
                "30428:E:0102",
                "30428:E:0103",
                "30428:E:0104")) {
            m.put(code, sanitation);
        }
        Map<LimitKey, TimeLimit> enforcement = Map.of(
                new LimitKey(ProcessStage.HANDLE, Urgency.NORMAL), working(5 * 450),
                new LimitKey(ProcessStage.HANDLE, Urgency.URGENT), working(2 * 450));
        for (String code : List.of("E06001", "E08016", "30428:E:0101")) {
            m.put(code, enforcement);
        }
        Map<LimitKey, TimeLimit> muck = Map.of(
                new LimitKey(ProcessStage.HANDLE, Urgency.NORMAL), natural(24 * 60),
                new LimitKey(ProcessStage.HANDLE, Urgency.URGENT), natural(4 * 60),
                new LimitKey(ProcessStage.HANDLE, Urgency.CRITICAL), natural(2 * 60));
        for (String code : List.of("E08011", "LOCAL:E:ZT01", "LOCAL:E:ZT02")) {
            m.put(code, muck);
        }
        return m;
    }

    private static TimeLimit natural(long minutes) {
        return new TimeLimit(Duration.ofMinutes(minutes), TimeBasis.NATURAL);
    }

    private static TimeLimit working(long minutes) {
        return new TimeLimit(Duration.ofMinutes(minutes), TimeBasis.WORKING);
    }

    /**
     * Routing: '*' city-wide → CGJ (so nothing is left without a department), '*' per district → that
     * district's bureau, and professional overrides city-wide.
     */
    static List<RoutingRule> rules() {
        List<RoutingRule> r = new ArrayList<>();
        r.add(rule("*", "", "CGJ", "兜底：市城管局"));
        for (String d : DISTRICTS) {
            r.add(rule("*", d, "QCGJ-" + d, "属地：区城管局"));
        }
        for (String s : List.of(
                "E06010",
                "E06011",
                "E06012",
                "E06014",
                "E06037",
                "E06042",
                "E03001",
                "E03005",
                "C03001",
                "C03005",
                "30428:E:0102",
                "30428:E:0103",
                "30428:E:0104")) {
            r.add(rule(s, "", "HWC", "环卫类：市环卫处"));
        }
        for (String s : List.of("E06001", "E08016", "E08011", "E08012", "LOCAL:E:ZT*", "30428:E:0101")) {
            r.add(rule(s, "", "ZFZD", "违建、渣土：市城管执法支队"));
        }
        for (String s : List.of("E04*", "C04*", "E06045", "E06047")) {
            r.add(rule(s, "", "GYGL", "园林绿化、公园：市公园管理中心"));
        }
        return r;
    }

    private static RoutingRule rule(String selector, String area, String dept, String note) {
        return new RoutingRule(0, selector, area, dept, note, 0);
    }

    static List<String[]> csvRows() {
        var resource = new ClassPathResource(CSV);
        List<String[]> rows = new ArrayList<>();
        try (BufferedReader in =
                new BufferedReader(new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8))) {
            String line = in.readLine(); // header: kind,code5,category,name
            while ((line = in.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                String[] cells = line.split(",", -1);
                if (cells.length != 4) {
                    throw new IllegalStateException("bad line in " + CSV + ": " + line);
                }
                for (int i = 0; i < cells.length; i++) {
                    cells[i] = cells[i].trim().replaceAll("^\"|\"$", "");
                }
                rows.add(cells);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }
}
