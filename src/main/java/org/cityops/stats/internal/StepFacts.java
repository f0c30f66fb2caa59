package org.cityops.stats.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.cityops.cases.CaseAction;
import org.cityops.cases.CaseChannel;
import org.cityops.cases.CaseDeadlineAlert;
import org.cityops.cases.CaseReported;
import org.cityops.cases.CaseStepCompleted;
import org.cityops.catalog.ProcessStage;
import org.cityops.platform.CityClock;

/**
 * Turns the cases module's events into counted facts (no Spring, no SQL). The fact ids follow the event: the
 * same event always gives the same ids, which is what makes the roll-up idempotent under replay.
 */
public final class StepFacts {

    private StepFacts() {}

    /** 受理: every intake counts once, whatever the channel. */
    public static List<Fact> of(CaseReported e) {
        String street = e.streetCode() != null ? e.streetCode() : prefix(e.gridCode(), 9);
        return List.of(new Fact(
                "cases:" + e.caseId() + ":REPORTED",
                e.caseId(),
                Measure.REPORTED,
                1,
                day(e.reportedAt()),
                e.reportedAt(),
                e.districtCode(),
                street,
                e.gridCode(),
                e.categoryCode(),
                name(e.channel()),
                null));
    }

    /** 超期: the SLA clock's expiry of the handling stage (once per deadline). */
    public static List<Fact> of(CaseDeadlineAlert e) {
        if (!e.overdue() || e.stage() != ProcessStage.HANDLE) {
            return List.of();
        }
        String key = "cases:" + e.caseId() + ":OVERDUE:" + e.dueAt().toEpochMilli();
        return facts(
                key,
                e.caseId(),
                List.of(Measure.OVERDUE, Measure.OVERDUE_OPEN),
                e.at(),
                e.districtCode(),
                e.streetCode(),
                e.gridCode(),
                e.categoryCode(),
                e.channel(),
                e.departmentCode());
    }

    public static List<Fact> of(CaseStepCompleted e) {
        List<Measure> measures = measuresOf(e);
        if (measures.isEmpty()) {
            return List.of();
        }
        String key =
                "cases:" + e.caseId() + ":" + e.action() + ":" + e.actedAt().truncatedTo(ChronoUnit.MICROS);
        return facts(
                key,
                e.caseId(),
                measures,
                e.actedAt(),
                e.districtCode(),
                e.streetCode(),
                e.gridCode(),
                e.categoryCode(),
                e.channel(),
                e.departmentCode());
    }

    /** One fact per measure, all at the same moment and place; ids are {@code key:MEASURE}. */
    private static List<Fact> facts(
            String key,
            long caseId,
            List<Measure> measures,
            Instant at,
            String district,
            String street,
            String grid,
            String category,
            CaseChannel channel,
            String department) {
        String streetOrPrefix = street != null ? street : prefix(grid, 9);
        List<Fact> facts = new ArrayList<>(measures.size());
        for (Measure m : measures) {
            facts.add(new Fact(
                    key + ":" + m,
                    caseId,
                    m,
                    1,
                    day(at),
                    at,
                    district,
                    streetOrPrefix,
                    grid,
                    category,
                    name(channel),
                    department));
        }
        return facts;
    }

    static List<Measure> measuresOf(CaseStepCompleted e) {
        CaseAction action = e.action();
        return switch (action) {
            case FILE -> List.of(Measure.FILED);
            case DISPATCH -> List.of(Measure.DISPATCHED);
            case CLOSE ->
                Boolean.TRUE.equals(e.handledByDeadline())
                        ? List.of(Measure.CLOSED, Measure.CLOSED_ON_TIME)
                        : List.of(Measure.CLOSED);
            case CHECK_FAIL -> List.of(Measure.REWORK);
            case RETURN -> List.of(Measure.RETURNED);
            case SUSPEND -> List.of(Measure.SUSPENDED);
            case VISIT -> {
                if (e.satisfaction() == null) {
                    yield List.of();
                }
                yield List.of(
                        switch (e.satisfaction()) {
                            case SATISFIED -> Measure.SATISFIED;
                            case BASICALLY_SATISFIED -> Measure.BASICALLY_SATISFIED;
                            case DISSATISFIED -> Measure.DISSATISFIED;
                        });
            }
            default -> List.of();
        };
    }

    /** The city's calendar day of an instant. */
    public static LocalDate day(Instant at) {
        return at.atZone(CityClock.ZONE).toLocalDate();
    }

    private static String name(CaseChannel c) {
        return c == null ? "" : c.name();
    }

    private static String prefix(String code, int n) {
        return code == null || code.length() < n ? null : code.substring(0, n);
    }
}
