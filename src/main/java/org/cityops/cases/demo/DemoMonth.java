package org.cityops.cases.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.cityops.cases.CaseAction;
import org.cityops.cases.CaseChannel;
import org.cityops.cases.Satisfaction;
import org.cityops.cases.internal.CaseService;
import org.cityops.cases.internal.NewCase;
import org.cityops.cases.internal.SlaClock;
import org.cityops.cases.internal.TransitionRequest;
import org.cityops.catalog.CategoryView;
import org.cityops.catalog.Urgency;
import org.cityops.org.DataScope;
import org.cityops.org.DepartmentView;
import org.cityops.org.OrgDirectory;
import org.cityops.org.Role;
import org.cityops.org.StaffMember;
import org.cityops.platform.AdjustableClock;
import org.cityops.platform.CityClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Last month's demo history, made the way live data is made: the demo accounts take cases through
 * {@link CaseService} while the demo clock is stopped at the moment of each step and moved on between steps, and
 * the SLA clock is run after each case so overdue cases raise their alerts. Nothing is written into another
 * module's tables: the assessment module's record of this month comes from the step events alone. Better
 * districts (earlier in the list) have better odds of on-time, first-time handling.
 */
final class DemoMonth {

    private static final Logger log = LoggerFactory.getLogger(DemoMonth.class);

    static final StaffMember OPERATOR = staff("operator1", "受理员一", Role.OPERATOR);
    static final StaffMember SHIFT = staff("shiftlead1", "值班长一", Role.SHIFT_LEADER);
    static final StaffMember DISPATCHER = staff("dispatcher1", "派遣员一", Role.DISPATCHER);
    static final StaffMember INSPECTOR = staff("inspector1", "监督员一", Role.INSPECTOR);

    private static final Duration FAST = Duration.ofMinutes(20);
    private static final Duration SLOW = Duration.ofDays(6);

    /** What happens to one case. */
    enum Story {
        CLOSED,
        LATE,
        RETURNED,
        REWORKED,
        EXTENDED,
        SUSPENDED,
        SUSPEND_REFUSED,
        OVERDUE_OPEN,
        REJECTED,
        MERGED,
        INSPECTOR_REPORT
    }

    private final CaseService cases;
    private final SlaClock sla;
    private final AdjustableClock clock;
    private final OrgDirectory org;

    DemoMonth(CaseService cases, SlaClock sla, AdjustableClock clock, OrgDirectory org) {
        this.cases = cases;
        this.sla = sla;
        this.clock = clock;
        this.org = org;
    }

    static StaffMember staff(String user, String name, Role role) {
        return new StaffMember(0, user, name, Set.of(role), DataScope.CITY, null, null, null);
    }

    private record Planned(Instant start, double[] place, String district, int quality, Story story, int n) {}

    /**
     * Plays {@code perDistrict} cases for each place (one per district) through {@code month}; returns how many
     * were taken in. The clock is released afterwards, whatever happens.
     */
    int play(
            LocalDate month,
            List<double[]> places,
            List<String> districts,
            List<CategoryView> categories,
            int perDistrict) {
        Random rnd = new Random(20261127L);
        List<Planned> plan = new ArrayList<>();
        int days = month.lengthOfMonth();
        for (int d = 0; d < places.size(); d++) {
            for (int k = 0; k < perDistrict; k++) {
                Instant start = month.plusDays(rnd.nextInt(days - 7))
                        .atTime(8 + rnd.nextInt(10), rnd.nextInt(60))
                        .atZone(CityClock.ZONE)
                        .toInstant();
                plan.add(new Planned(start, places.get(d), districts.get(d), d, story(rnd, d), plan.size()));
            }
        }
        plan.sort(Comparator.comparing(Planned::start));
        Map<String, Long> lastOpenInDistrict = new HashMap<>();
        int made = 0;
        try {
            for (Planned p : plan) {
                try {
                    clock.stopAt(p.start());
                    made += play(p, categories.get(p.n() % categories.size()), rnd, lastOpenInDistrict);
                    sla.tick();
                } catch (RuntimeException e) {
                    log.warn("Demo history case {} skipped: {}", p.n(), e.getMessage());
                }
            }
            clock.stopAt(
                    month.plusMonths(1).atStartOfDay(CityClock.ZONE).toInstant().minusSeconds(60));
            sla.tick();
        } finally {
            clock.release();
        }
        return made;
    }

    /** Worse districts draw the troublesome stories more often. */
    private static Story story(Random rnd, int districtIndex) {
        Story[] good = {
            Story.CLOSED,
            Story.CLOSED,
            Story.CLOSED,
            Story.INSPECTOR_REPORT,
            Story.EXTENDED,
            Story.REJECTED,
            Story.MERGED,
            Story.SUSPENDED,
            Story.SUSPEND_REFUSED,
            Story.RETURNED
        };
        Story[] bad = {Story.LATE, Story.REWORKED, Story.OVERDUE_OPEN, Story.RETURNED, Story.LATE};
        return rnd.nextInt(10) < 8 - districtIndex ? good[rnd.nextInt(good.length)] : bad[rnd.nextInt(bad.length)];
    }

    private int play(Planned p, CategoryView cat, Random rnd, Map<String, Long> lastOpen) {
        CaseChannel channel = p.story() == Story.INSPECTOR_REPORT
                ? CaseChannel.INSPECTOR
                : new CaseChannel[] {
                            CaseChannel.HOTLINE,
                            CaseChannel.HOTLINE,
                            CaseChannel.MEDIA,
                            CaseChannel.LEADER,
                            CaseChannel.HOTLINE
                        }
                        [p.n() % 5];
        StaffMember taker = channel == CaseChannel.INSPECTOR ? INSPECTOR : OPERATOR;
        double lat = p.place()[0] + (p.n() % 5) * 0.0004;
        double lon = p.place()[1] + (p.n() % 3) * 0.0005;
        long id = cases.intake(
                        new NewCase(
                                channel,
                                cat.qualifiedCode(),
                                "道路及周边问题（演示历史 " + (p.n() + 1) + "）",
                                lat,
                                lon,
                                "演示地址" + (p.n() + 1) + "号",
                                p.n() % 9 == 0 ? Urgency.URGENT : Urgency.NORMAL,
                                channel == CaseChannel.INSPECTOR ? null : "市民" + (p.n() + 1),
                                null),
                        taker,
                        null,
                        "demo",
                        "demo-month-" + p.n())
                .caseId();
        if (p.story() == Story.MERGED && lastOpen.containsKey(p.district())) {
            step(
                    id,
                    new TransitionRequest(CaseAction.MERGE, null, null, null, null, null, lastOpen.get(p.district())),
                    OPERATOR,
                    FAST);
            return 1;
        }
        if (channel != CaseChannel.INSPECTOR) {
            step(id, TransitionRequest.of(CaseAction.VERIFY, null), INSPECTOR, gap(rnd, p.quality()));
        }
        if (p.story() == Story.REJECTED) {
            step(id, TransitionRequest.of(CaseAction.REJECT, "不属于城管受理范围（演示）"), SHIFT, FAST);
            return 1;
        }
        lastOpen.put(p.district(), id);
        step(id, TransitionRequest.of(CaseAction.FILE, null), SHIFT, gap(rnd, p.quality()));
        Long bureau = org.districtBureau(p.district()).map(DepartmentView::id).orElse(null);
        Long dept = bureau;
        if (p.story() == Story.RETURNED) {
            Long wrong = org.departmentByCode("HWC").map(DepartmentView::id).orElse(bureau);
            dispatch(id, wrong, rnd, p);
            step(id, TransitionRequest.of(CaseAction.RETURN, "非本部门职责（演示）"), handler(wrong), FAST);
        }
        dispatch(id, dept, rnd, p);
        step(id, TransitionRequest.of(CaseAction.ACCEPT, null), handler(dept), FAST);
        switch (p.story()) {
            case OVERDUE_OPEN -> {
                return 1;
            }
            case SUSPENDED, SUSPEND_REFUSED -> {
                LocalDate expected =
                        clock.instant().atZone(CityClock.ZONE).toLocalDate().plusMonths(2);
                step(id, TransitionRequest.requestSuspend("需结合道路大修实施（演示）", expected), handler(dept), FAST);
                if (p.story() == Story.SUSPENDED) {
                    step(id, TransitionRequest.of(CaseAction.SUSPEND, null), SHIFT, FAST);
                    return 1;
                }
                step(id, TransitionRequest.of(CaseAction.REFUSE_SUSPEND, "可先行处置（演示）"), SHIFT, FAST);
            }
            case EXTENDED -> {
                step(
                        id,
                        new TransitionRequest(CaseAction.REQUEST_EXTENSION, "需协调其他部门（演示）", null, 48, null, null, null),
                        handler(dept),
                        FAST);
                step(id, TransitionRequest.of(CaseAction.APPROVE_EXTENSION, null), SHIFT, FAST);
            }
            default -> {}
        }
        step(
                id,
                TransitionRequest.of(CaseAction.REPORT_HANDLED, "已处置完毕（演示）"),
                handler(dept),
                p.story() == Story.LATE ? SLOW : Duration.ofHours(2));
        if (p.story() == Story.REWORKED) {
            step(id, TransitionRequest.of(CaseAction.CHECK_FAIL, "现场仍有残留（演示）"), INSPECTOR, FAST);
            step(id, TransitionRequest.of(CaseAction.REPORT_HANDLED, "已重新处置（演示）"), handler(dept), Duration.ofHours(3));
        }
        step(id, TransitionRequest.of(CaseAction.CHECK_PASS, null), INSPECTOR, gap(rnd, p.quality()));
        step(id, TransitionRequest.of(CaseAction.CLOSE, null), SHIFT, FAST);
        Satisfaction s = rnd.nextInt(10) < 8 - p.quality()
                ? Satisfaction.SATISFIED
                : rnd.nextBoolean() ? Satisfaction.BASICALLY_SATISFIED : Satisfaction.DISSATISFIED;
        step(
                id,
                new TransitionRequest(CaseAction.VISIT, null, null, null, s, false, null),
                OPERATOR,
                Duration.ofHours(1));
        return 1;
    }

    private void dispatch(long id, Long dept, Random rnd, Planned p) {
        step(
                id,
                new TransitionRequest(CaseAction.DISPATCH, null, dept, null, null, null, null),
                DISPATCHER,
                gap(rnd, p.quality()));
    }

    /** Mostly quick; now and then (more often in worse districts) a day late. */
    private static Duration gap(Random rnd, int quality) {
        return rnd.nextInt(20) < quality ? Duration.ofDays(1) : FAST;
    }

    private void step(long id, TransitionRequest req, StaffMember who, Duration after) {
        clock.advance(after);
        cases.transition(id, req, who);
    }

    private static StaffMember handler(Long dept) {
        return new StaffMember(0, "handler", "处置员", Set.of(Role.HANDLER), DataScope.DEPARTMENT, null, dept, null);
    }
}
