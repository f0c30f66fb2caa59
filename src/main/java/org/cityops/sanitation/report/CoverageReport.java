package org.cityops.sanitation.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.cityops.org.StaffMember;
import org.cityops.platform.CityClock;
import org.cityops.platform.DbTime;
import org.cityops.platform.InvalidInputException;
import org.cityops.platform.excel.SheetWriter;
import org.cityops.platform.excel.WorkbookWriter;
import org.cityops.sanitation.coverage.Intervals;
import org.cityops.sanitation.coverage.PlanRule;
import org.cityops.sanitation.fleet.Fleet;
import org.cityops.sanitation.ledger.Segment;
import org.cityops.sanitation.ledger.Segments;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Coverage by day, segment and group, from the stored passes (one query per day, the rest in memory), in the
 * caller's data scope: the coverage map, a segment's day, 机械化作业覆盖率 per district, 标段 and company, the .xlsx
 * export.
 */
@Service
public class CoverageReport {

    /** A pass that covered at least this share of its segment counts as a full pass (一遍). */
    public static final double FULL_PASS = 0.9;
    /** Longest period a rate is computed over. */
    static final int MAX_DAYS = 62;

    private final JdbcClient jdbc;
    private final Segments segments;
    private final Fleet fleet;

    CoverageReport(JdbcClient jdbc, Segments segments, Fleet fleet) {
        this.jdbc = jdbc;
        this.segments = segments;
        this.fleet = fleet;
    }

    private record PassRow(
            long segmentId,
            String plate,
            String terminal,
            java.time.Instant start,
            java.time.Instant end,
            double coveredM,
            double coverage,
            String intervals) {}

    /** Every segment the caller sees, with its coverage on {@code day}. */
    public List<SegmentDay> day(LocalDate day, StaffMember me) {
        return day(day, segments.list(me), fleet.rulesBySegment());
    }

    private List<SegmentDay> day(LocalDate day, List<Segment> segs, Map<Long, List<PlanRule>> plans) {
        Map<Long, List<PassRow>> bySegment = new HashMap<>();
        for (PassRow p : passes(day, null)) {
            bySegment.computeIfAbsent(p.segmentId(), k -> new ArrayList<>()).add(p);
        }
        List<SegmentDay> out = new ArrayList<>(segs.size());
        for (Segment s : segs) {
            List<PassRow> ps = bySegment.getOrDefault(s.id(), List.of());
            Intervals union = new Intervals();
            int full = 0;
            for (PassRow p : ps) {
                union.addAll(Intervals.parse(p.intervals()));
                if (p.coverage() >= FULL_PASS) {
                    full++;
                }
            }
            double coverage = Math.min(1, union.length() / s.lengthM());
            int planned = plans.getOrDefault(s.id(), List.of()).stream()
                    .mapToInt(PlanRule::plannedPasses)
                    .sum();
            CoverageStatus status;
            if (planned == 0) {
                status = CoverageStatus.UNPLANNED;
            } else if (full >= planned) {
                status = CoverageStatus.DONE;
            } else if (coverage > 0) {
                status = CoverageStatus.PARTIAL;
            } else {
                status = CoverageStatus.MISSED;
            }
            out.add(new SegmentDay(
                    s.id(),
                    s.code(),
                    s.name(),
                    s.districtCode(),
                    s.section(),
                    s.company(),
                    s.lengthM(),
                    s.areaM2(),
                    planned,
                    ps.size(),
                    full,
                    coverage,
                    status,
                    status.label(),
                    s.wkt()));
        }
        return out;
    }

    /** The passes over one segment on one day, oldest first. */
    public List<PassView> passesOf(long segmentId, LocalDate day, StaffMember me) {
        segments.get(segmentId, me); // scope: 404 outside it
        return passes(day, segmentId).stream()
                .map(p -> new PassView(
                        p.plate(), p.terminal(), p.start(), p.end(), p.coveredM(), p.coverage(), p.intervals()))
                .toList();
    }

    /** 机械化作业覆盖率 grouped by {@code by} (district, section or company) over [from, to]. */
    public List<RateRow> rates(LocalDate from, LocalDate to, String by, StaffMember me) {
        if (from.isAfter(to) || from.plusDays(MAX_DAYS).isBefore(to)) {
            throw new InvalidInputException("日期范围须在" + MAX_DAYS + "天内 period must be 1.." + MAX_DAYS + " days", "to");
        }
        Function<SegmentDay, String> key = switch (by) {
            case "district" -> SegmentDay::districtCode;
            case "section" -> SegmentDay::section;
            case "company" -> SegmentDay::company;
            default -> throw new InvalidInputException("分组须为 district/section/company", "by");
        };
        List<Segment> segs = segments.list(me);
        Map<Long, List<PlanRule>> plans = fleet.rulesBySegment();
        Map<String, double[]> acc = new TreeMap<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            for (SegmentDay s : day(d, segs, plans)) {
                if (s.status() == CoverageStatus.UNPLANNED) {
                    continue;
                }
                String k = key.apply(s) == null ? "" : key.apply(s);
                double[] a = acc.computeIfAbsent(k, x -> new double[3]);
                a[0]++;
                a[1] += s.areaM2();
                a[2] += s.areaM2() * s.coverage();
            }
        }
        List<RateRow> out = new ArrayList<>();
        acc.forEach((k, a) -> out.add(new RateRow(k, k, (int) a[0], a[1], a[2])));
        return out;
    }

    /** The day's coverage as .xlsx. */
    public byte[] exportDay(LocalDate day, StaffMember me) {
        try (WorkbookWriter wb = new WorkbookWriter()) {
            SheetWriter sheet = wb.sheet(
                    "作业覆盖 " + day,
                    List.of("编码", "名称", "区", "标段", "作业单位", "长度(米)", "面积(平方米)", "计划遍数", "作业遍次", "完整遍数", "覆盖率(%)", "状态"));
            for (SegmentDay s : day(day, me)) {
                sheet.row(
                        s.code(),
                        s.name(),
                        s.districtCode(),
                        s.section(),
                        s.company(),
                        s.lengthM(),
                        s.areaM2(),
                        s.plannedPasses(),
                        s.passes(),
                        s.fullPasses(),
                        Math.round(s.coverage() * 1000) / 10.0,
                        s.statusLabel());
            }
            return wb.toBytes();
        }
    }

    /** Today in the city. */
    public static LocalDate today(java.time.Clock clock) {
        return LocalDate.now(clock.withZone(CityClock.ZONE));
    }

    private List<PassRow> passes(LocalDate day, Long segmentId) {
        return jdbc.sql(
                        "SELECT segment_id, plate, terminal_phone, started_at, ended_at, covered_m, coverage, intervals "
                                + "FROM san_pass WHERE work_day = :d"
                                + (segmentId == null ? "" : " AND segment_id = :s")
                                + " ORDER BY started_at")
                .param("d", day)
                .params(segmentId == null ? Map.of() : Map.of("s", segmentId))
                .query((rs, n) -> new PassRow(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        DbTime.fromDb(rs.getObject(4, java.time.OffsetDateTime.class)),
                        DbTime.fromDb(rs.getObject(5, java.time.OffsetDateTime.class)),
                        rs.getDouble(6),
                        rs.getDouble(7),
                        rs.getString(8)))
                .list();
    }
}
