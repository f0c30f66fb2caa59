package org.cityops.assessment.internal.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The indicators of each subject type (GB/T 30428.4 as the reference page gives them), as functions of the
 * counters. docs/assessment.md lists the same formulas; keep the two in step.
 */
public final class Indicators {

    /** How 准确派遣 and 返工率 are counted (the sources disagree; see the reference). */
    public record Options(String accurateDispatchBasis, String reworkRateBasis) {
        public static Options defaults() {
            return new Options("RETURN", "HANDLED");
        }
    }

    private Indicators() {}

    public static List<Indicator> of(SubjectType type, Options o) {
        return switch (type) {
            case DISTRICT, STREET, COMMUNITY, GRID -> area();
            case DEPARTMENT -> department(o);
            case INSPECTOR -> inspector();
            case OPERATOR -> operator();
            case SHIFT_LEADER -> shiftLeader();
            case DISPATCHER -> dispatcher(o);
        };
    }

    public static Optional<Indicator> find(SubjectType type, Options o, String code) {
        return of(type, o).stream().filter(i -> i.code().equals(code)).findFirst();
    }

    /** Every indicator's value for these counters, in display order; null = undefined (shown as "—"). */
    public static Map<String, Double> values(SubjectType type, Options o, Counters c) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (Indicator i : of(type, o)) {
            m.put(i.code(), i.value(c));
        }
        return m;
    }

    static List<Indicator> area() {
        return List.of(
                Indicator.count("filedNet", "立案数（扣除挂账）", C.FILED_NET),
                Indicator.count("filed", "立案数（含挂账）", C.FILED),
                Indicator.count("suspendedAtEnd", "挂账数", C.SUSPENDED_AT_END),
                Indicator.count("publicFiled", "监督举报数", C.PUBLIC_FILED),
                Indicator.rate("publicReportRate", "监督举报率", c -> c.get(C.PUBLIC_FILED), c -> c.get(C.FILED)),
                Indicator.count("shouldClose", "应结案数", C.SHOULD_CLOSE),
                Indicator.count("closed", "结案数", C.CLOSED),
                Indicator.rate("closeRate", "结案率", c -> c.get(C.CLOSED), c -> c.get(C.SHOULD_CLOSE)),
                Indicator.count("closedByDeadline", "按期结案数", C.CLOSED_BY_DEADLINE),
                Indicator.rate(
                        "closeByDeadlineRate", "按期结案率", c -> c.get(C.CLOSED_BY_DEADLINE), c -> c.get(C.SHOULD_CLOSE)),
                Indicator.average("satisfaction", "回访满意度", C.SATISFACTION_SUM, C.SATISFACTION_N));
    }

    static List<Indicator> department(Options o) {
        boolean byShouldClose = "SHOULD_CLOSE".equals(o.reworkRateBasis());
        return List.of(
                Indicator.count("assigned", "立案数", C.ASSIGNED),
                Indicator.count("shouldHandle", "应处置数", C.SHOULD_HANDLE),
                Indicator.count("handled", "处置数", C.HANDLED),
                Indicator.rate("handleRate", "处置率", c -> c.get(C.HANDLED), c -> c.get(C.SHOULD_HANDLE)),
                Indicator.count("handledByDeadline", "按期处置数", C.HANDLED_BY_DEADLINE),
                Indicator.rate(
                        "handleByDeadlineRate",
                        "按期处置率",
                        c -> c.get(C.HANDLED_BY_DEADLINE),
                        c -> c.get(C.SHOULD_HANDLE)),
                Indicator.count("handledLate", "超期处置数", C.HANDLED_LATE),
                Indicator.count("overdueUnhandled", "超期未处置数", C.OVERDUE_UNHANDLED),
                Indicator.count("rework", "返工数", C.REWORK),
                Indicator.rate(
                        "reworkRate",
                        "返工率",
                        c -> c.get(C.REWORK),
                        c -> byShouldClose ? c.get(C.SHOULD_CLOSE) : c.get(C.HANDLED)),
                Indicator.count("shouldClose", "应结案数", C.SHOULD_CLOSE),
                Indicator.count("closed", "结案数", C.CLOSED),
                Indicator.rate("closeRate", "结案率", c -> c.get(C.CLOSED), c -> c.get(C.SHOULD_CLOSE)),
                Indicator.count("extended", "延期数", C.EXTENDED),
                Indicator.rate("extensionRate", "延期率", c -> c.get(C.EXTENDED), c -> c.get(C.ASSIGNED)),
                Indicator.count("returned", "回退数", C.RETURNED),
                Indicator.average("satisfaction", "回访满意度", C.SATISFACTION_SUM, C.SATISFACTION_N));
    }

    static List<Indicator> inspector() {
        return List.of(
                Indicator.count("reports", "上报数", C.REPORTS),
                Indicator.count("validReports", "有效上报数", C.VALID_REPORTS),
                Indicator.rate("validReportRate", "有效上报率", c -> c.get(C.VALID_REPORTS), c -> c.get(C.REPORTS)),
                Indicator.count("verifications", "核实数", C.VERIFICATIONS),
                Indicator.count("verificationsOnTime", "按时核实数", C.VERIFICATIONS_ON_TIME),
                Indicator.rate(
                        "verifyOnTimeRate", "按时核实率", c -> c.get(C.VERIFICATIONS_ON_TIME), c -> c.get(C.VERIFICATIONS)),
                Indicator.count("checks", "核查数", C.CHECKS),
                Indicator.count("checksOnTime", "按时核查数", C.CHECKS_ON_TIME),
                Indicator.rate("checkOnTimeRate", "按时核查率", c -> c.get(C.CHECKS_ON_TIME), c -> c.get(C.CHECKS)),
                Indicator.count("missed", "漏报数", C.MISSED),
                Indicator.rate("missedRate", "漏报率", c -> c.get(C.MISSED), c -> c.get(C.GRID_FILED)));
    }

    static List<Indicator> operator() {
        return List.of(
                Indicator.count("accepted", "受理数", C.ACCEPTED),
                Indicator.rate(
                        "verifyDispatchOnTimeRate",
                        "核实按时派发率",
                        c -> c.get(C.VERIFY_ASSIGNED_ON_TIME),
                        c -> c.get(C.VERIFY_ASSIGNED)),
                Indicator.rate(
                        "checkDispatchOnTimeRate",
                        "核查按时派发率",
                        c -> c.get(C.CHECK_ASSIGNED_ON_TIME),
                        c -> c.get(C.CHECK_ASSIGNED)));
    }

    static List<Indicator> shiftLeader() {
        return List.of(
                Indicator.count("filedBy", "立案数", C.FILED_BY),
                Indicator.rate("fileOnTimeRate", "按时立案率", c -> c.get(C.FILED_ON_TIME), c -> c.get(C.FILED_BY)),
                Indicator.rate(
                        "fileAccuracyRate",
                        "准确立案率",
                        c -> Math.max(0, c.get(C.FILED_BY) - c.get(C.VOIDED_AFTER_FILING)),
                        c -> c.get(C.FILED_BY)),
                Indicator.count("closedBy", "结案数", C.CLOSED_BY),
                Indicator.rate("closeOnTimeRate", "按时结案率", c -> c.get(C.CLOSED_ON_TIME), c -> c.get(C.CLOSED_BY)));
    }

    static List<Indicator> dispatcher(Options o) {
        String wrong = "REWORK".equals(o.accurateDispatchBasis()) ? C.DISPATCH_REWORKED : C.DISPATCH_RETURNED;
        return List.of(
                Indicator.count("dispatched", "派遣数", C.DISPATCHED),
                Indicator.rate(
                        "dispatchOnTimeRate", "按时派遣率", c -> c.get(C.DISPATCHED_ON_TIME), c -> c.get(C.DISPATCHED)),
                Indicator.rate(
                        "dispatchAccuracyRate",
                        "准确派遣率",
                        c -> Math.max(0, c.get(C.DISPATCHED) - c.get(wrong)),
                        c -> c.get(C.DISPATCHED)));
    }
}
