package org.cityops.cases.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cityops.cases.CaseAction;
import org.cityops.cases.CaseChannel;
import org.cityops.cases.Satisfaction;
import org.cityops.cases.internal.CaseService;
import org.cityops.cases.internal.NewCase;
import org.cityops.cases.internal.SlaClock;
import org.cityops.cases.internal.TransitionRequest;
import org.cityops.catalog.Catalog;
import org.cityops.catalog.CategoryView;
import org.cityops.catalog.Urgency;
import org.cityops.geo.GridLocation;
import org.cityops.geo.GridLocator;
import org.cityops.org.DataScope;
import org.cityops.org.DepartmentView;
import org.cityops.org.OrgDirectory;
import org.cityops.org.Role;
import org.cityops.org.StaffMember;
import org.cityops.platform.AdjustableClock;
import org.cityops.platform.CityClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Demo cases (demo profile only). First last month's history ({@link DemoMonth}): about a hundred cases taken
 * through the real lifecycle by the demo accounts with the demo clock moved from step to step, so the published
 * assessment of last month shows what live data would show. Then a few dozen cases of today in every state
 * across the districts, a few of them made overdue, so the console is not empty. Runs once (skips when demo
 * cases exist). Places are found by asking the grid locator, categories from the catalogue.
 */
@Component
@Profile("demo")
@Order(50)
class DemoCaseSeeder implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoCaseSeeder.class);
    private static final String[] PROBLEMS = {
        "路边垃圾堆积未清运", "人行道地砖破损", "沿街店铺占道经营", "井盖缺失存在安全隐患", "绿化带内暴露垃圾", "道路遗撒渣土", "违规设置户外广告", "非机动车乱停放"
    };

    private final CaseService cases;
    private final GridLocator locator;
    private final Catalog catalog;
    private final OrgDirectory org;
    private final JdbcClient jdbc;
    private final SlaClock sla;
    private final AdjustableClock clock;

    DemoCaseSeeder(
            CaseService cases,
            GridLocator locator,
            Catalog catalog,
            OrgDirectory org,
            JdbcClient jdbc,
            SlaClock sla,
            AdjustableClock clock) {
        this.cases = cases;
        this.locator = locator;
        this.catalog = catalog;
        this.org = org;
        this.jdbc = jdbc;
        this.sla = sla;
        this.clock = clock;
    }

    static StaffMember staff(String user, Role role) {
        return new StaffMember(0, user, user, Set.of(role), DataScope.CITY, null, null, null);
    }

    @Override
    public void run(ApplicationArguments args) {
        if (jdbc.sql("SELECT COUNT(*) FROM city_case WHERE source_module = 'demo'")
                        .query(Long.class)
                        .single()
                > 0) {
            return;
        }
        List<CategoryView> categories = catalog.activeCategories();
        Map<String, double[]> byDistrict = places();
        List<double[]> places = new ArrayList<>(byDistrict.values());
        if (categories.isEmpty() || places.isEmpty()) {
            log.warn("No demo cases: the catalogue or the grid locator is empty");
            return;
        }
        LocalDate lastMonth =
                LocalDate.now(clock.withZone(CityClock.ZONE)).withDayOfMonth(1).minusMonths(1);
        int history = new DemoMonth(cases, sla, clock, org)
                .play(lastMonth, places, new ArrayList<>(byDistrict.keySet()), categories, 10);
        log.info("Demo history of {}: {} cases taken through the lifecycle", lastMonth, history);
        CaseAction[][] paths = {
            {},
            {CaseAction.VERIFY},
            {CaseAction.VERIFY, CaseAction.FILE},
            {CaseAction.VERIFY, CaseAction.FILE, CaseAction.DISPATCH},
            {CaseAction.VERIFY, CaseAction.FILE, CaseAction.DISPATCH, CaseAction.ACCEPT},
            {CaseAction.VERIFY, CaseAction.FILE, CaseAction.DISPATCH, CaseAction.ACCEPT, CaseAction.REPORT_HANDLED},
            {
                CaseAction.VERIFY,
                CaseAction.FILE,
                CaseAction.DISPATCH,
                CaseAction.ACCEPT,
                CaseAction.REPORT_HANDLED,
                CaseAction.CHECK_PASS
            },
            {
                CaseAction.VERIFY,
                CaseAction.FILE,
                CaseAction.DISPATCH,
                CaseAction.ACCEPT,
                CaseAction.REPORT_HANDLED,
                CaseAction.CHECK_PASS,
                CaseAction.CLOSE
            },
            {
                CaseAction.VERIFY,
                CaseAction.FILE,
                CaseAction.DISPATCH,
                CaseAction.ACCEPT,
                CaseAction.REPORT_HANDLED,
                CaseAction.CHECK_PASS,
                CaseAction.CLOSE,
                CaseAction.VISIT
            },
            {CaseAction.VERIFY, CaseAction.FILE, CaseAction.DISPATCH, CaseAction.ACCEPT, CaseAction.REQUEST_EXTENSION},
            {CaseAction.VERIFY, CaseAction.FILE, CaseAction.DISPATCH, CaseAction.ACCEPT, CaseAction.SUSPEND},
            {CaseAction.VERIFY, CaseAction.REJECT}
        };
        CaseChannel[] channels = {
            CaseChannel.HOTLINE, CaseChannel.CITIZEN, CaseChannel.MEDIA, CaseChannel.LEADER, CaseChannel.HOTLINE
        };
        int made = 0;
        for (int i = 0; i < 36; i++) {
            double[] p = places.get(i % places.size());
            double lat = p[0] + (i % 5) * 0.0007;
            double lon = p[1] + (i % 3) * 0.0009;
            if (locator.locate(lat, lon).isEmpty()) {
                lat = p[0];
                lon = p[1];
            }
            CategoryView cat = categories.get(i % categories.size());
            Urgency urgency = i % 7 == 0 ? Urgency.URGENT : Urgency.NORMAL;
            try {
                long id = cases.intake(
                                new NewCase(
                                        channels[i % channels.length],
                                        cat.qualifiedCode(),
                                        PROBLEMS[i % PROBLEMS.length] + "（演示）",
                                        lat,
                                        lon,
                                        "演示地址" + (i + 1) + "号",
                                        urgency,
                                        i % 2 == 0 ? "市民" + (i + 1) : null,
                                        // the closed hotline / citizen cases (19, 31) leave a phone: their
                                        // reporters get a 回访 link (visit module) when the case is closed
                                        i % 2 == 0 || i % 12 == 7 ? "1380000" + String.format("%04d", i) : null),
                                staff("operator1", Role.OPERATOR),
                                null,
                                "demo",
                                "demo-" + i)
                        .caseId();
                walk(id, paths[i % paths.length], i);
                if (i % 6 == 4) {
                    // a few handling steps already past their time limit, for the overdue views
                    jdbc.sql("UPDATE city_case SET due_at = created_at - INTERVAL '2' HOUR, "
                                    + "warn_at = created_at - INTERVAL '4' HOUR WHERE id = :id AND is_open = TRUE")
                            .param("id", id)
                            .update();
                }
                if (i % 9 == 3) {
                    cases.transition(
                            id,
                            TransitionRequest.of(CaseAction.SUPERVISE, "请尽快处置（演示督办）"),
                            staff("leader1", Role.LEADER));
                }
                made++;
            } catch (RuntimeException e) {
                log.warn("Demo case {} skipped: {}", i, e.getMessage());
            }
        }
        log.info("Demo cases created: {}", made);
    }

    private void walk(long id, CaseAction[] path, int i) {
        Long dept = null;
        for (CaseAction a : path) {
            StaffMember who;
            TransitionRequest req = TransitionRequest.of(a, null);
            switch (a) {
                case VERIFY -> who = staff("inspector1", Role.INSPECTOR);
                case CHECK_PASS -> who = staff("inspector1", Role.INSPECTOR);
                case FILE, CLOSE -> who = staff("shiftlead1", Role.SHIFT_LEADER);
                case REJECT -> {
                    who = staff("shiftlead1", Role.SHIFT_LEADER);
                    req = TransitionRequest.of(a, "不属于城管受理范围（演示）");
                }
                case SUSPEND -> {
                    who = staff("shiftlead1", Role.SHIFT_LEADER);
                    req = TransitionRequest.of(a, "需结合道路大修实施（演示）");
                }
                case DISPATCH -> {
                    who = staff("dispatcher1", Role.DISPATCHER);
                    String district = cases.get(id, StaffMember.SYSTEM).districtCode();
                    dept = (i % 4 == 0 ? org.departmentByCode("HWC") : org.districtBureau(district))
                            .map(DepartmentView::id)
                            .orElse(null);
                    req = new TransitionRequest(a, null, dept, null, null, null, null);
                }
                case ACCEPT -> who = handler(dept);
                case REPORT_HANDLED -> {
                    who = handler(dept);
                    req = TransitionRequest.of(a, "已处置完毕（演示）");
                }
                case REQUEST_EXTENSION -> {
                    who = handler(dept);
                    req = new TransitionRequest(a, "需协调其他部门（演示）", null, 48, null, null, null);
                }
                case VISIT -> {
                    who = staff("operator1", Role.OPERATOR);
                    req = new TransitionRequest(
                            a,
                            null,
                            null,
                            null,
                            i % 2 == 0 ? Satisfaction.SATISFIED : Satisfaction.BASICALLY_SATISFIED,
                            false,
                            null);
                }
                default -> throw new IllegalStateException("not scripted: " + a);
            }
            cases.transition(id, req, who);
        }
    }

    private static StaffMember handler(Long dept) {
        return new StaffMember(0, "handler", "处置员", Set.of(Role.HANDLER), DataScope.DEPARTMENT, null, dept, null);
    }

    /** One point per district found by the grid locator, scanning a lattice over Changzhou. */
    private Map<String, double[]> places() {
        Map<String, double[]> found = new LinkedHashMap<>();
        for (double lat = 31.30; lat < 32.05 && found.size() < 7; lat += 0.023) {
            for (double lon = 119.20; lon < 120.25; lon += 0.027) {
                double la = Math.round(lat * 1e5) / 1e5;
                double lo = Math.round(lon * 1e5) / 1e5;
                GridLocation g = locator.locate(la, lo).orElse(null);
                if (g != null) {
                    found.putIfAbsent(g.districtCode(), new double[] {la, lo});
                }
            }
        }
        return found;
    }
}
