package org.cityops.wastestream.classification;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.cityops.org.CurrentActor;
import org.cityops.org.StaffMember;
import org.cityops.platform.InvalidInputException;
import org.cityops.platform.excel.XlsxDownload;
import org.cityops.wastestream.ImportReport;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** 生活垃圾分类 API: units, import/export, inspections, coverage. Writers ADMIN, SANITATION_SUPERVISOR; LEADER reads. */
@RestController
@RequestMapping("/api/v1/wastestream/classification")
@PreAuthorize("hasAnyRole('ADMIN','SANITATION_SUPERVISOR','LEADER')")
class ClassificationApiController {

    static final String WRITERS = "hasAnyRole('ADMIN','SANITATION_SUPERVISOR')";

    private final ClassificationUnits units;

    ClassificationApiController(ClassificationUnits units) {
        this.units = units;
    }

    @GetMapping("/units")
    List<ClassificationUnit> list(
            @CurrentActor StaffMember me,
            @RequestParam(required = false) String district,
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) Boolean covered) {
        return units.list(filter(district, kind, covered), me);
    }

    @GetMapping("/units/{id}")
    ClassificationUnit one(@CurrentActor StaffMember me, @PathVariable long id) {
        return units.get(id, me);
    }

    @PostMapping("/units")
    @PreAuthorize(WRITERS)
    ResponseEntity<ClassificationUnit> create(@CurrentActor StaffMember me, @RequestBody UnitDraft draft) {
        return ResponseEntity.status(HttpStatus.CREATED).body(units.create(draft, me));
    }

    record InspectionRequest(
            @NotNull(message = "必填 required") LocalDate day,
            String recyclable,
            String hazardous,
            String kitchen,
            String other,
            String note) {}

    @PostMapping("/units/{id}/inspections")
    @PreAuthorize(WRITERS)
    ResponseEntity<ClassificationUnits.Inspection> inspect(
            @CurrentActor StaffMember me, @PathVariable long id, @Valid @RequestBody InspectionRequest r) {
        Map<WasteClass, Finding> f = findings(r.recyclable(), r.hazardous(), r.kitchen(), r.other());
        return ResponseEntity.status(HttpStatus.CREATED).body(units.inspect(id, r.day(), f, r.note(), me));
    }

    @GetMapping("/units/{id}/inspections")
    List<ClassificationUnits.Inspection> inspections(@CurrentActor StaffMember me, @PathVariable long id) {
        return units.inspections(id, me);
    }

    @GetMapping("/coverage")
    ClassificationUnits.Coverage coverage(@CurrentActor StaffMember me) {
        return units.coverage(me);
    }

    /** .xlsx, all or nothing: 200 with the count, or 400 with every row's problems (row and column). */
    @PostMapping("/units/import")
    @PreAuthorize(WRITERS)
    ResponseEntity<ImportReport> importUnits(@CurrentActor StaffMember me, @RequestParam("file") MultipartFile file)
            throws IOException {
        if (file == null || file.isEmpty()) {
            throw new InvalidInputException("请上传 .xlsx 文件 upload an .xlsx file", "file");
        }
        ImportReport r;
        try (InputStream in = file.getInputStream()) {
            r = units.importXlsx(in, me);
        }
        return r.errors().isEmpty()
                ? ResponseEntity.ok(r)
                : ResponseEntity.badRequest().body(r);
    }

    @GetMapping("/units/export")
    ResponseEntity<byte[]> export(
            @CurrentActor StaffMember me,
            @RequestParam(required = false) String district,
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) Boolean covered) {
        return XlsxDownload.download("垃圾分类覆盖.xlsx", units.exportXlsx(units.list(filter(district, kind, covered), me)));
    }

    static ClassificationUnits.Filter filter(String district, String kind, Boolean covered) {
        UnitKind k = null;
        if (kind != null && !kind.isBlank()) {
            k = UnitKind.parse(kind);
            if (k == null) {
                throw new InvalidInputException("未知类型 unknown kind", "kind");
            }
        }
        return new ClassificationUnits.Filter(district == null || district.isBlank() ? null : district, k, covered);
    }

    static Map<WasteClass, Finding> findings(String recyclable, String hazardous, String kitchen, String other) {
        Map<WasteClass, Finding> f = new EnumMap<>(WasteClass.class);
        put(f, WasteClass.RECYCLABLE, recyclable);
        put(f, WasteClass.HAZARDOUS, hazardous);
        put(f, WasteClass.KITCHEN, kitchen);
        put(f, WasteClass.OTHER, other);
        return f;
    }

    private static void put(Map<WasteClass, Finding> f, WasteClass c, String text) {
        Finding v = Finding.parse(text);
        if (v == null) {
            throw new InvalidInputException("检查结果须为 无/规范/混投 finding must be ABSENT, OK or MIXED", UnitRules.field(c));
        }
        f.put(c, v);
    }
}
