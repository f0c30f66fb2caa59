package org.cityops.stats.web;

import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cityops.assessment.AreaRates;
import org.cityops.audit.AuditTrail;
import org.cityops.org.CurrentActor;
import org.cityops.org.StaffMember;
import org.cityops.platform.InvalidInputException;
import org.cityops.platform.excel.SheetWriter;
import org.cityops.platform.excel.WorkbookWriter;
import org.cityops.stats.internal.CaseStats;
import org.cityops.stats.internal.Dimension;
import org.cityops.stats.internal.HistoryRebuild;
import org.cityops.stats.internal.Measure;
import org.cityops.stats.internal.StatsQuery;
import org.cityops.stats.internal.StatsRow;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** 案件统计 API: roll-ups grouped by area, category, channel, department or time; .xlsx export; rebuild. */
@RestController
@RequestMapping("/api/v1/stats")
@PreAuthorize(StatsRoles.READERS)
class StatsApiController {

    private final CaseStats stats;
    private final StatsLabels labels;
    private final AuditTrail audit;
    private final HistoryRebuild history;

    StatsApiController(CaseStats stats, StatsLabels labels, AuditTrail audit, HistoryRebuild history) {
        this.stats = stats;
        this.labels = labels;
        this.audit = audit;
        this.history = history;
    }

    @GetMapping("/cases")
    Map<String, Object> cases(
            @CurrentActor StaffMember me,
            @RequestParam(required = false) String groupBy,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) String area,
            @RequestParam(required = false) String category) {
        StatsQuery q = stats.question(me, groupBy, from, to, area, category);
        List<StatsRow> rows = stats.answer(q);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("groupBy", q.groupBy().stream().map(Dimension::param).toList());
        out.put("from", q.from().toString());
        out.put("to", q.to().toString());
        out.put("area", q.area());
        out.put("category", q.category());
        out.put("measures", measureLabels());
        List<Map<String, Object>> list = new ArrayList<>(rows.size());
        for (StatsRow r : rows) {
            list.add(json(q, r));
        }
        out.put("rows", list);
        out.put("totals", json(q, StatsRow.sum(rows)));
        return out;
    }

    private Map<String, Object> json(StatsQuery q, StatsRow r) {
        Map<String, Object> m = new LinkedHashMap<>();
        Map<String, Object> key = new LinkedHashMap<>();
        Map<String, String> label = new LinkedHashMap<>();
        for (int i = 0; i < r.keys().size(); i++) {
            Dimension d = q.groupBy().get(i);
            Object k = r.keys().get(i);
            key.put(d.param(), k == null ? "" : k.toString());
            label.put(d.param(), labels.of(d, k));
        }
        if (!key.isEmpty()) {
            m.put("key", key);
            m.put("label", label);
        }
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Measure x : Measure.values()) {
            counts.put(lowerCamel(x), r.get(x));
        }
        m.put("counts", counts);
        AreaRates.Rates rates = r.rates();
        Map<String, Object> rm = new LinkedHashMap<>();
        rm.put("shouldClose", rates.shouldClose());
        rm.put("closeRate", rates.closeRate());
        rm.put("closeByDeadlineRate", rates.closeByDeadlineRate());
        m.put("rates", rm);
        m.put("casesLink", labels.casesLink(q, r));
        return m;
    }

    static Map<String, String> measureLabels() {
        Map<String, String> m = new LinkedHashMap<>();
        for (Measure x : Measure.values()) {
            m.put(lowerCamel(x), x.label());
        }
        return m;
    }

    static String lowerCamel(Measure m) {
        String[] parts = m.name().toLowerCase(java.util.Locale.ROOT).split("_");
        StringBuilder b = new StringBuilder(parts[0]);
        for (int i = 1; i < parts.length; i++) {
            b.append(Character.toUpperCase(parts[i].charAt(0))).append(parts[i].substring(1));
        }
        return b.toString();
    }

    /** The same table as .xlsx (Chinese headers, one row per group, totals last). */
    @GetMapping("/cases.xlsx")
    ResponseEntity<byte[]> casesXlsx(
            @CurrentActor StaffMember me,
            @RequestParam(required = false) String groupBy,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) String area,
            @RequestParam(required = false) String category) {
        StatsQuery q = stats.question(me, groupBy, from, to, area, category);
        List<StatsRow> rows = stats.answer(q);
        List<String> headers = new ArrayList<>();
        q.groupBy().forEach(d -> headers.add(d.label()));
        for (Measure x : Measure.values()) {
            headers.add(x.label());
        }
        headers.add("应结案");
        headers.add("结案率");
        headers.add("按期结案率");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (WorkbookWriter wb = new WorkbookWriter()) {
            SheetWriter sheet = wb.sheet("案件统计", headers);
            for (StatsRow r : rows) {
                sheet.row(line(q, r, false));
            }
            sheet.row(line(q, StatsRow.sum(rows), true));
            wb.write(bytes);
        }
        String name = "案件统计_" + q.from() + "_" + q.to() + ".xlsx";
        return ResponseEntity.ok()
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(name, java.nio.charset.StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .contentType(MediaType.parseMediaType(WorkbookWriter.CONTENT_TYPE))
                .body(bytes.toByteArray());
    }

    private List<Object> line(StatsQuery q, StatsRow r, boolean total) {
        List<Object> cells = new ArrayList<>();
        for (int i = 0; i < q.groupBy().size(); i++) {
            cells.add(
                    total
                            ? (i == 0 ? "合计" : "")
                            : labels.of(q.groupBy().get(i), r.keys().get(i)));
        }
        for (Measure x : Measure.values()) {
            cells.add(r.get(x));
        }
        AreaRates.Rates rates = r.rates();
        cells.add(rates.shouldClose());
        cells.add(percent(rates.closeRate()));
        cells.add(percent(rates.closeByDeadlineRate()));
        return cells;
    }

    static String percent(Double v) {
        return v == null ? "—" : String.format(java.util.Locale.ROOT, "%.1f%%", v * 100);
    }

    /**
     * Rebuilds the statistics (管理员): by default from the cases' own history (the facts, the overdue list and
     * every roll-up); {@code source=facts} recomputes the roll-ups from the recorded facts only.
     */
    @PostMapping("/rebuild")
    @PreAuthorize("hasRole('ADMIN')")
    Map<String, Object> rebuild(@RequestParam(defaultValue = "history") String source) {
        if ("facts".equals(source)) {
            int rows = stats.rebuild();
            audit.record("STATS_ROLLUP", "case_day", "REBUILD", null, "from facts: " + rows + " rows");
            return Map.of("source", source, "rows", rows);
        }
        if (!"history".equals(source)) {
            throw new InvalidInputException("source 只能是 history 或 facts", "source");
        }
        HistoryRebuild.Result r = history.rebuild();
        audit.record(
                "STATS_ROLLUP",
                "case_day",
                "REBUILD",
                null,
                "from the case history: " + r.cases() + " cases, " + r.events() + " events, " + r.facts() + " facts, "
                        + r.rollupRows() + " rows");
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("source", source);
        out.put("cases", r.cases());
        out.put("events", r.events());
        out.put("facts", r.facts());
        out.put("rows", r.rollupRows());
        return out;
    }
}
