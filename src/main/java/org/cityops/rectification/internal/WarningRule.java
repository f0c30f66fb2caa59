package org.cityops.rectification.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.cityops.rectification.MeasureStatus;

/**
 * 预警 (deadline warnings), the written-down rule (docs/rectification.md) as one plain class: a measure not yet
 * 已完成 whose deadline is past is 逾期 ({@link Kind#OVERDUE}); one whose deadline is today or within the next
 * {@value #DUE_SOON_DAYS} days is 临期 ({@link Kind#DUE_SOON}); a measure without a deadline (长期坚持, or none set)
 * is never warned about. An overdue warning is escalated to the measure's leader account, or to every leader
 * ({@value #EVERY_LEADER}) when it has none; a due-soon warning is not escalated. The ledger filters, the summary
 * counts and the daily flagging all use this rule.
 */
public final class WarningRule {

    public static final int DUE_SOON_DAYS = 7;
    /** The escalation target meaning "every user with the LEADER role". */
    public static final String EVERY_LEADER = "LEADER";

    public enum Kind {
        DUE_SOON,
        OVERDUE
    }

    /** A measure as the rule sees it. */
    public record OpenMeasure(long measureId, MeasureStatus status, LocalDate deadline, String leaderUsername) {}

    /** One warning to record for {@code day}: what, about which measure, escalated to whom (null: nobody). */
    public record Flag(long measureId, Kind kind, String escalatedTo) {}

    private WarningRule() {}

    /** The warning a measure deserves on {@code day}, if any. */
    public static Optional<Kind> kindOf(MeasureStatus status, LocalDate deadline, LocalDate day) {
        if (status == MeasureStatus.COMPLETED || deadline == null) {
            return Optional.empty();
        }
        if (deadline.isBefore(day)) {
            return Optional.of(Kind.OVERDUE);
        }
        if (!deadline.isAfter(dueSoonUntil(day))) {
            return Optional.of(Kind.DUE_SOON);
        }
        return Optional.empty();
    }

    /** The last deadline that is still 临期 on {@code day}. */
    public static LocalDate dueSoonUntil(LocalDate day) {
        return day.plusDays(DUE_SOON_DAYS);
    }

    /** Who an overdue warning goes to: the measure's leader account, else every leader; nobody for due-soon. */
    public static String escalateTo(Kind kind, String leaderUsername) {
        if (kind != Kind.OVERDUE) {
            return null;
        }
        return leaderUsername == null ? EVERY_LEADER : leaderUsername;
    }

    /**
     * The warnings to record on {@code day}: one per measure that deserves one, except those already recorded that
     * day ({@code alreadyFlagged} holds "measureId:KIND"), so that running again changes nothing.
     */
    public static List<Flag> flags(List<OpenMeasure> measures, LocalDate day, Set<String> alreadyFlagged) {
        List<Flag> out = new ArrayList<>();
        for (OpenMeasure m : measures) {
            kindOf(m.status(), m.deadline(), day).ifPresent(kind -> {
                if (!alreadyFlagged.contains(key(m.measureId(), kind))) {
                    out.add(new Flag(m.measureId(), kind, escalateTo(kind, m.leaderUsername())));
                }
            });
        }
        return out;
    }

    /** The key of a recorded warning in {@code alreadyFlagged}. */
    public static String key(long measureId, Kind kind) {
        return measureId + ":" + kind.name();
    }
}
