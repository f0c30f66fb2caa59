package org.cityops.assessment.web;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.cityops.assessment.internal.Periods;
import org.cityops.assessment.internal.Results;
import org.cityops.assessment.internal.Schemes;
import org.cityops.assessment.internal.model.Indicator;
import org.cityops.assessment.internal.model.Indicators;
import org.cityops.assessment.internal.model.SubjectType;
import org.cityops.org.CurrentActor;
import org.cityops.org.StaffMember;
import org.cityops.platform.excel.SheetWriter;
import org.cityops.platform.excel.WorkbookWriter;
import org.cityops.platform.office.WordDocument;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Excel (every subject type, every indicator) and Word (the ranking report) exports of a version, with the subjects
 * in the caller's scope only (the same rule as the results page and {@code /results}).
 */
@Controller
@PreAuthorize("hasAnyRole('ADMIN','ASSESSOR','LEADER')")
class ExportController {

    private static final MediaType XLSX = MediaType.parseMediaType(WorkbookWriter.CONTENT_TYPE);
    private static final MediaType DOCX = MediaType.parseMediaType(WordDocument.CONTENT_TYPE);

    private final Periods periods;
    private final Results results;
    private final Schemes schemes;

    ExportController(Periods periods, Results results, Schemes schemes) {
        this.periods = periods;
        this.results = results;
        this.schemes = schemes;
    }

    /** A version's results of one subject type, only the subjects in the caller's scope (as on the results page). */
    private List<Results.SubjectResult> inScope(StaffMember me, Results.Version v, SubjectType t) {
        return results.results(v.id(), t).stream()
                .filter(r -> SubjectScope.permits(me, t, r.subjectCode()))
                .toList();
    }

    @GetMapping("/assessment/periods/{id}/export.xlsx")
    ResponseEntity<byte[]> excel(
            @CurrentActor StaffMember me, @PathVariable long id, @RequestParam(required = false) Integer version) {
        Periods.Period p = periods.get(id);
        Results.Version v = results.version(id, version);
        var options = schemes.byId(p.schemeId()).scoring().options();
        try (WorkbookWriter wb = new WorkbookWriter()) {
            for (SubjectType t : SubjectType.values()) {
                List<Indicator> inds = Indicators.of(t, options);
                List<String> headers = new ArrayList<>(List.of("排名", "编码", "名称"));
                for (Indicator i : inds) {
                    headers.add(i.label() + (i.kind() == Indicator.Kind.RATE ? "(%)" : ""));
                }
                headers.addAll(List.of("综合指标值", "综合等级", "扣分", "监督考核评价", "公众评价", "第三方评价", "专业部门评价", "区级评价", "总分", "等级"));
                SheetWriter sheet = wb.sheet(t.label(), headers);
                for (Results.SubjectResult s : inScope(me, v, t)) {
                    List<Object> row = new ArrayList<>();
                    row.add(num(s.rank() == null ? null : s.rank().doubleValue()));
                    row.add(s.subjectCode());
                    row.add(t.isPost() ? s.subjectCode() : s.subjectName());
                    for (Indicator i : inds) {
                        Double val = s.indicators().get(i.code());
                        // rates are shown in per cent; other indicators as computed
                        Double shown = val == null || i.kind() != Indicator.Kind.RATE ? val : Double.valueOf(val * 100);
                        row.add(num(shown));
                    }
                    row.add(num(s.composite()));
                    row.add(s.compositeGrade() == null ? "—" : s.compositeGrade());
                    row.add(num(s.deduction()));
                    row.add(num(s.supervision()));
                    row.add(num(s.publicScore()));
                    row.add(num(s.thirdParty()));
                    row.add(num(s.departmentScore()));
                    row.add(num(s.districtScore()));
                    row.add(num(s.total()));
                    row.add(s.grade() == null ? "—" : s.grade());
                    sheet.row(row);
                }
            }
            return file(wb.toBytes(), XLSX, "assessment-" + p.from() + "-v" + v.version() + ".xlsx");
        }
    }

    /** A score rounded to two decimals, or "—" where there is none. */
    private static Object num(Double v) {
        return v == null ? "—" : (Object) (Math.round(v * 100) / 100.0);
    }

    @GetMapping("/assessment/periods/{id}/export.docx")
    ResponseEntity<byte[]> word(
            @CurrentActor StaffMember me, @PathVariable long id, @RequestParam(required = false) Integer version) {
        Periods.Period p = periods.get(id);
        Results.Version v = results.version(id, version);
        try (WordDocument doc = WordDocument.create()) {
            doc.paragraph().text("城市管理综合考核评价结果（" + p.from() + " 至 " + p.to() + "）", true, 16);
            doc.paragraph("方案 " + p.schemeCode() + "，第 " + v.version() + " 版" + (v.locked() ? "（已锁定）" : "（未锁定）")
                    + (v.reason() == null ? "" : "，" + v.reason()));
            for (SubjectType t : List.of(SubjectType.DISTRICT, SubjectType.DEPARTMENT, SubjectType.STREET)) {
                doc.heading(t.label() + "排名");
                WordDocument.Table table = doc.table(List.of("排名", "名称", "综合指标值", "扣分", "总分", "等级"));
                for (Results.SubjectResult s : inScope(me, v, t)) {
                    table.row(List.of(
                            s.rank() == null ? "—" : String.valueOf(s.rank()),
                            s.subjectName(),
                            fmt(s.composite()),
                            fmt(s.deduction()),
                            fmt(s.total()),
                            s.grade() == null ? "—" : s.grade()));
                }
            }
            return file(doc.toBytes(), DOCX, "assessment-" + p.from() + "-v" + v.version() + ".docx");
        }
    }

    private static String fmt(Double v) {
        return v == null ? "—" : String.format("%.2f", v);
    }

    private static ResponseEntity<byte[]> file(byte[] body, MediaType type, String name) {
        return ResponseEntity.ok()
                .contentType(type)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(name, StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .body(body);
    }
}
