package org.cityops.sanitation.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.cityops.org.CurrentActor;
import org.cityops.org.StaffMember;
import org.cityops.platform.NotFoundException;
import org.cityops.sanitation.ledger.RoadGrade;
import org.cityops.sanitation.ledger.SegmentDraft;
import org.cityops.sanitation.ledger.Segments;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * 道路台账 on the registers pages: a road segment created with its line drawn on the map or pasted, or imported from
 * GeoJSON or .xlsx. A segment is not edited (its passes are measured along its line): its edit link opens the
 * segment's day.
 */
@Controller
@RequestMapping("/sanitation/registers/segments")
class SegmentRegisterPageController extends RegisterPage {

    private final Segments segments;
    private final RegisterOverview overview;

    SegmentRegisterPageController(Segments segments, RegisterOverview overview) {
        super("segments");
        this.segments = segments;
        this.overview = overview;
    }

    @Override
    void defaults(Map<String, Object> f) {
        f.put("grade", RoadGrade.GRADE_3.name());
        f.put("widthM", "12");
    }

    @Override
    String open(long id, StaffMember me, Model model) {
        return "redirect:/sanitation/segments/" + segments.get(id, me).id();
    }

    @Override
    void fill(long id, StaffMember me, Map<String, Object> f) {
        throw new NotFoundException("路段不可修改 a segment is not edited");
    }

    @Override
    long save(Long id, RegisterForm form, StaffMember me) {
        if (id != null) {
            throw new NotFoundException("路段不可修改 a segment is not edited");
        }
        Double width = form.text("widthM").isBlank() ? null : form.decimal("widthM");
        var d = new SegmentDraft(
                form.text("code"),
                form.text("name"),
                form.text("grade"),
                width,
                form.checked("oneWay"),
                form.text("section"),
                form.text("company"),
                form.text("wkt"));
        return segments.create(d, me, false).id();
    }

    @Override
    void choices(StaffMember me, Model model) {
        model.addAttribute("grades", RoadGrade.values());
    }

    /**
     * 道路台账 import from the page: the API's GeoJSON or .xlsx import, all or nothing; the refusals are listed per row
     * and field on the registers page.
     */
    @PostMapping("/import")
    String importSegments(
            @CurrentActor StaffMember me,
            @RequestParam(value = "file", required = false) MultipartFile file,
            Model model)
            throws IOException {
        Segments.ImportReport r = read(file, me);
        if (r.errors().isEmpty()) {
            return "redirect:/sanitation/registers?imported=" + r.imported() + "#segments";
        }
        String page = overview.show(me, model);
        // row, the refused field's label key and the message, for the page
        model.addAttribute(
                "importErrors",
                r.errors().stream()
                        .map(e -> Map.of(
                                "row",
                                e.row(),
                                "fieldKey",
                                RegisterForm.labelKey("segments", e.field()),
                                "message",
                                e.message()))
                        .toList());
        return page;
    }

    /** A GeoJSON file by its name's ending (.geojson, .json), else an .xlsx; any other file is refused. */
    private Segments.ImportReport read(MultipartFile file, StaffMember me) throws IOException {
        String name = file == null || file.getOriginalFilename() == null
                ? ""
                : file.getOriginalFilename().toLowerCase(Locale.ROOT);
        if (name.endsWith(".geojson") || name.endsWith(".json")) {
            return segments.importGeoJson(new String(file.getBytes(), StandardCharsets.UTF_8), me);
        }
        if (name.endsWith(".xlsx")) {
            try (InputStream in = file.getInputStream()) {
                return segments.importXlsx(in, me);
            }
        }
        return new Segments.ImportReport(
                0, List.of(new Segments.RowError(0, "file", "文件须为 .geojson 或 .xlsx file must be .geojson or .xlsx")));
    }
}
