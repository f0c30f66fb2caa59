package org.cityops.sanitation.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.cityops.org.CurrentActor;
import org.cityops.org.OrgDirectory;
import org.cityops.org.OrgUnitKind;
import org.cityops.org.OrgUnitView;
import org.cityops.org.RecordKind;
import org.cityops.org.ScopeRule;
import org.cityops.org.StaffMember;
import org.cityops.platform.InvalidInputException;
import org.cityops.platform.NotFoundException;
import org.cityops.sanitation.attendance.Post;
import org.cityops.sanitation.attendance.Shift;
import org.cityops.sanitation.attendance.ShiftDays;
import org.cityops.sanitation.attendance.Shifts;
import org.cityops.sanitation.attendance.WorkerPosts;
import org.cityops.sanitation.attendance.Workers;
import org.cityops.sanitation.collection.CollectionPoint;
import org.cityops.sanitation.collection.CollectionRoutes;
import org.cityops.sanitation.collection.PointKind;
import org.cityops.sanitation.fleet.Fleet;
import org.cityops.sanitation.fleet.SanitationVehicle;
import org.cityops.sanitation.fleet.VehicleType;
import org.cityops.sanitation.fleet.WorkPlan;
import org.cityops.sanitation.ledger.RoadGrade;
import org.cityops.sanitation.ledger.Segment;
import org.cityops.sanitation.ledger.SegmentDraft;
import org.cityops.sanitation.ledger.Segments;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * 环卫台账 pages: create road segments (line drawn on a map or pasted, or imported from GeoJSON/.xlsx), create and edit worker posts (polygon drawn on a map or pasted as GeoJSON/WKT), shifts (班次), workers (with their
 * device), sanitation vehicles, work plans and collection points. Each save goes whole through the module's service
 * (the same checks as the API, all or nothing, audited with before and after); a refusal shows the form again with
 * what was entered and the refused field named in Chinese. Only the caller's area (data scope AREA).
 *
 * <p>Over 400 lines: one controller for the five register forms (post, worker, vehicle, plan, point)
 * sharing one refusal and redirect shape; one controller per register is the split when a form grows (to do).
 */
@Controller
@PreAuthorize("hasAnyRole('ADMIN','SANITATION_SUPERVISOR')")
class RegisterPageController {

    static final Set<String> KINDS = Set.of("segments", "posts", "shifts", "workers", "vehicles", "plans", "points");

    private final WorkerPosts posts;
    private final Shifts shifts;
    private final Workers workers;
    private final Fleet fleet;
    private final CollectionRoutes routes;
    private final Segments segments;
    private final OrgDirectory org;

    RegisterPageController(
            WorkerPosts posts,
            Shifts shifts,
            Workers workers,
            Fleet fleet,
            CollectionRoutes routes,
            Segments segments,
            OrgDirectory org) {
        this.posts = posts;
        this.shifts = shifts;
        this.workers = workers;
        this.fleet = fleet;
        this.routes = routes;
        this.segments = segments;
        this.org = org;
    }

    @GetMapping("/sanitation/registers")
    String list(@CurrentActor StaffMember me, Model model) {
        model.addAttribute("segments", segments.list(me));
        model.addAttribute("posts", posts.posts(me));
        model.addAttribute("shifts", shifts.shifts());
        model.addAttribute("shiftWorkers", workers.countsByShift(me));
        model.addAttribute("workers", workers.workers(me));
        model.addAttribute("vehicles", fleet.vehicles(me));
        model.addAttribute("plans", visiblePlans(me));
        model.addAttribute("points", routes.points(me));
        model.addAttribute("districts", districtNames(me));
        return "sanitation/registers";
    }

    @GetMapping("/sanitation/registers/{kind}/new")
    String create(@CurrentActor StaffMember me, @PathVariable String kind, Model model) {
        Map<String, Object> f = new LinkedHashMap<>();
        switch (kind(kind)) {
            case "vehicles" -> {
                f.put("plateColor", "2");
                f.put("type", VehicleType.SWEEPER.name());
                f.put("workBit", "20");
                f.put("status", "ACTIVE");
            }
            case "plans" -> {
                f.put("passesPerDay", "1");
                f.put("windows", "05:00-11:00;13:00-19:00");
                f.put("minSpeedKmh", "3");
                f.put("maxSpeedKmh", "15");
                f.put("active", "true");
            }
            case "points" -> f.put("kind", PointKind.BIN.name());
            case "workers" -> f.put("active", "true");
            case "segments" -> {
                f.put("grade", RoadGrade.GRADE_3.name());
                f.put("widthM", "12");
            }
            case "shifts" -> {
                f.put("start", "05:00");
                f.put("end", "11:00");
                f.put("days", ShiftDays.EVERY_DAY.name());
            }
            default -> {}
        }
        return form(me, model, kind, null, f, null, null);
    }

    @GetMapping("/sanitation/registers/{kind}/{id}/edit")
    String edit(@CurrentActor StaffMember me, @PathVariable String kind, @PathVariable long id, Model model) {
        Map<String, Object> f = new LinkedHashMap<>();
        switch (kind(kind)) {
            // a segment is not edited (its passes are measured along its line): its page is the segment's day
            case "segments" -> {
                return "redirect:/sanitation/segments/" + segments.get(id, me).id();
            }
            case "posts" -> {
                Post p = posts.post(id, me);
                f.put("code", p.code());
                f.put("name", p.name());
                f.put("wkt", p.wkt());
                f.put("section", nz(p.section()));
                f.put("company", nz(p.company()));
                f.put("segmentIds", p.segmentIds().stream().map(String::valueOf).toList());
            }
            case "shifts" -> {
                Shift s = shifts.shiftToEdit(id, me);
                f.put("name", s.name());
                f.put("start", s.start());
                f.put("end", s.end());
                f.put("days", s.days().name());
            }
            case "workers" -> {
                var w = workers.worker(id, me);
                f.put("name", w.name());
                f.put("maskedPhone", w.maskedPhone());
                f.put("terminal", w.terminal());
                f.put("postId", String.valueOf(w.postId()));
                f.put("shiftId", String.valueOf(w.shiftId()));
                f.put("active", String.valueOf(w.active()));
            }
            case "vehicles" -> {
                SanitationVehicle v = fleet.vehicle(id, me);
                f.put("plate", v.plate());
                f.put("plateColor", String.valueOf(v.plateColor()));
                f.put("terminal", v.terminal());
                f.put("type", v.type().name());
                f.put("workBit", String.valueOf(v.workBit()));
                f.put("company", nz(v.company()));
                f.put("districtCode", v.districtCode());
                f.put("status", v.status());
            }
            case "plans" -> {
                WorkPlan p = fleet.plan(id, me);
                f.put("name", p.name());
                f.put("passesPerDay", String.valueOf(p.passesPerDay()));
                f.put("windows", p.windows());
                f.put("minSpeedKmh", plain(p.minSpeedKmh()));
                f.put("maxSpeedKmh", plain(p.maxSpeedKmh()));
                f.put("active", String.valueOf(p.active()));
                f.put("segmentIds", p.segmentIds().stream().map(String::valueOf).toList());
            }
            case "points" -> {
                CollectionPoint p = routes.point(id, me);
                f.put("code", p.code());
                f.put("name", p.name());
                f.put("kind", p.kind().name());
                f.put("lat", String.valueOf(p.lat()));
                f.put("lon", String.valueOf(p.lon()));
            }
            default -> throw new NotFoundException("not found");
        }
        return form(me, model, kind, id, f, null, null);
    }

    @PostMapping("/sanitation/registers/{kind}/save")
    String save(
            @CurrentActor StaffMember me,
            @PathVariable String kind,
            @RequestParam MultiValueMap<String, String> form,
            Model model) {
        kind(kind);
        Long id = form.getFirst("id") == null || form.getFirst("id").isBlank()
                ? null
                : Long.valueOf(form.getFirst("id").trim());
        Map<String, Object> f = new LinkedHashMap<>();
        form.forEach((k, v) -> {
            if (!k.equals("id") && !k.equals("_csrf")) {
                f.put(k, k.equals("segmentIds") ? v : v.isEmpty() ? "" : v.get(0));
            }
        });
        try {
            long saved = saveKind(kind, id, form, me);
            return "redirect:/sanitation/registers?saved=" + kind + "-" + saved + "#" + kind;
        } catch (InvalidInputException e) {
            if (id != null && "workers".equals(kind)) {
                f.put("maskedPhone", workers.worker(id, me).maskedPhone());
            }
            return form(me, model, kind, id, f, e.getMessage(), e.field());
        }
    }

    private long saveKind(String kind, Long id, MultiValueMap<String, String> form, StaffMember me) {
        switch (kind) {
            case "segments" -> {
                if (id != null) {
                    throw new NotFoundException("路段不可修改 a segment is not edited");
                }
                Double width = text(form, "widthM").isBlank() ? null : decimal(form, "widthM");
                var d = new SegmentDraft(
                        text(form, "code"),
                        text(form, "name"),
                        text(form, "grade"),
                        width,
                        checked(form, "oneWay"),
                        text(form, "section"),
                        text(form, "company"),
                        text(form, "wkt"));
                return segments.create(d, me, false).id();
            }
            case "posts" -> {
                var d = new WorkerPosts.PostDraft(
                        text(form, "code"),
                        text(form, "name"),
                        text(form, "wkt"),
                        text(form, "section"),
                        text(form, "company"),
                        ids(form, "segmentIds"));
                return id == null
                        ? posts.createPost(d, me, false).id()
                        : posts.updatePost(id, d, me).id();
            }
            case "shifts" -> {
                ShiftDays days = shiftDays(text(form, "days"));
                return id == null
                        ? shifts.createShift(text(form, "name"), text(form, "start"), text(form, "end"), days, me)
                                .id()
                        : shifts.updateShift(id, text(form, "name"), text(form, "start"), text(form, "end"), days, me)
                                .id();
            }
            case "workers" -> {
                long post = number(form, "postId", "请选择岗位 choose a post");
                long shift = number(form, "shiftId", "请选择班次 choose a shift");
                return id == null
                        ? workers.createWorker(
                                        text(form, "name"),
                                        text(form, "phone"),
                                        text(form, "terminal"),
                                        post,
                                        shift,
                                        me,
                                        false)
                                .id()
                        : workers.updateWorker(
                                        id,
                                        text(form, "name"),
                                        text(form, "phone"),
                                        text(form, "terminal"),
                                        post,
                                        shift,
                                        checked(form, "active"),
                                        me)
                                .id();
            }
            case "vehicles" -> {
                VehicleType type = vehicleType(text(form, "type"));
                int color = (int) number(form, "plateColor", "车牌颜色须为数字 plate colour must be a number");
                int bit = (int) number(form, "workBit", "作业状态位须为 0–31 的整数 work bit must be 0..31");
                if (id == null) {
                    return fleet.register(
                                    text(form, "plate"),
                                    color,
                                    text(form, "terminal"),
                                    type,
                                    bit,
                                    text(form, "company"),
                                    text(form, "districtCode"),
                                    me)
                            .id();
                }
                return fleet.updateVehicle(
                                id,
                                text(form, "plate"),
                                color,
                                text(form, "terminal"),
                                type,
                                bit,
                                text(form, "company"),
                                text(form, "districtCode"),
                                text(form, "status"),
                                me)
                        .id();
            }
            case "plans" -> {
                int passes = (int) number(form, "passesPerDay", "每日遍数须为整数 passes per day must be a whole number");
                double min = decimal(form, "minSpeedKmh");
                double max = decimal(form, "maxSpeedKmh");
                List<Long> segs = ids(form, "segmentIds");
                return id == null
                        ? fleet.createPlan(text(form, "name"), passes, text(form, "windows"), min, max, segs, me)
                                .id()
                        : fleet.updatePlan(
                                        id,
                                        text(form, "name"),
                                        passes,
                                        text(form, "windows"),
                                        min,
                                        max,
                                        checked(form, "active"),
                                        segs,
                                        me)
                                .id();
            }
            case "points" -> {
                PointKind pk = pointKind(text(form, "kind"));
                double lat = decimal(form, "lat");
                double lon = decimal(form, "lon");
                return id == null
                        ? routes.createPoint(text(form, "code"), text(form, "name"), pk, lat, lon, me, false)
                                .id()
                        : routes.updatePoint(id, text(form, "code"), text(form, "name"), pk, lat, lon, me)
                                .id();
            }
            default -> throw new NotFoundException("not found");
        }
    }

    private String form(
            StaffMember me, Model model, String kind, Long id, Map<String, Object> f, String error, String field) {
        model.addAttribute("kind", kind);
        model.addAttribute("id", id);
        model.addAttribute("f", f);
        model.addAttribute("error", error);
        model.addAttribute("errorField", field);
        model.addAttribute("errorFieldKey", labelKey(kind, field));
        switch (kind) {
            case "posts", "plans" -> model.addAttribute("segments", segments.list(me));
            case "workers" -> {
                model.addAttribute("postChoices", posts.posts(me));
                model.addAttribute("shifts", shifts.shifts());
            }
            case "vehicles" -> {
                model.addAttribute("types", VehicleType.values());
                model.addAttribute("districtChoices", districts(me));
            }
            case "points" -> model.addAttribute("pointKinds", PointKind.values());
            case "shifts" -> model.addAttribute("shiftDays", ShiftDays.values());
            case "segments" -> model.addAttribute("grades", RoadGrade.values());
            default -> {}
        }
        return "sanitation/register-edit";
    }

    /**
     * 道路台账 import from the page: the API's GeoJSON or .xlsx import, all or nothing; the refusals are listed per row
     * and field on the registers page.
     */
    @PostMapping("/sanitation/registers/segments/import")
    String importSegments(
            @CurrentActor StaffMember me,
            @RequestParam(value = "file", required = false) MultipartFile file,
            Model model)
            throws IOException {
        String name = file == null || file.getOriginalFilename() == null
                ? ""
                : file.getOriginalFilename().toLowerCase(Locale.ROOT);
        Segments.ImportReport r;
        if (name.endsWith(".geojson") || name.endsWith(".json")) {
            r = segments.importGeoJson(new String(file.getBytes(), StandardCharsets.UTF_8), me);
        } else if (name.endsWith(".xlsx")) {
            try (InputStream in = file.getInputStream()) {
                r = segments.importXlsx(in, me);
            }
        } else {
            r = new Segments.ImportReport(
                    0,
                    List.of(new Segments.RowError(0, "file", "文件须为 .geojson 或 .xlsx file must be .geojson or .xlsx")));
        }
        if (r.errors().isEmpty()) {
            return "redirect:/sanitation/registers?imported=" + r.imported() + "#segments";
        }
        list(me, model);
        // row, the refused field's label key and the message, for the page
        model.addAttribute(
                "importErrors",
                r.errors().stream()
                        .map(e -> Map.of(
                                "row", e.row(), "fieldKey", labelKey("segments", e.field()), "message", e.message()))
                        .toList());
        return "sanitation/registers";
    }

    /** The message key of a refused field's label: "segmentIds[2]" → segmentIds; a segment's "wkt" is its line. */
    static String labelKey(String kind, String field) {
        if (field == null) {
            return null;
        }
        String key = field.replaceAll("\\[.*$", "");
        return "segments".equals(kind) && ("wkt".equals(key) || "geometry".equals(key)) ? "line" : key;
    }

    /** The plans whose segments are all in the caller's area. */
    private List<WorkPlan> visiblePlans(StaffMember me) {
        Set<Long> mine = new java.util.HashSet<>();
        for (Segment s : segments.list(me)) {
            mine.add(s.id());
        }
        return fleet.plans().stream()
                .filter(p -> mine.containsAll(p.segmentIds()))
                .toList();
    }

    private List<OrgUnitView> districts(StaffMember me) {
        var scope = ScopeRule.filter(me, RecordKind.AREA);
        return org.unitsOfKind(OrgUnitKind.DISTRICT).stream()
                .filter(d -> scope.matches(d.code(), null, null))
                .toList();
    }

    private Map<String, String> districtNames(StaffMember me) {
        Map<String, String> out = new LinkedHashMap<>();
        for (OrgUnitView d : districts(me)) {
            out.put(d.code(), d.name());
        }
        return out;
    }

    private static String kind(String kind) {
        if (!KINDS.contains(kind)) {
            throw new NotFoundException("页面不存在 not found");
        }
        return kind;
    }

    private static String text(MultiValueMap<String, String> form, String name) {
        String v = form.getFirst(name);
        return v == null ? "" : v;
    }

    private static boolean checked(MultiValueMap<String, String> form, String name) {
        return "true".equals(form.getFirst(name));
    }

    private static long number(MultiValueMap<String, String> form, String name, String message) {
        try {
            return Long.parseLong(text(form, name).trim());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(message, name);
        }
    }

    private static double decimal(MultiValueMap<String, String> form, String name) {
        try {
            double v = Double.parseDouble(text(form, name).trim());
            if (!Double.isFinite(v)) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new InvalidInputException("须为数字 must be a number", name);
        }
    }

    private static List<Long> ids(MultiValueMap<String, String> form, String name) {
        List<Long> out = new ArrayList<>();
        List<String> values = form.get(name);
        if (values == null) {
            return out;
        }
        for (int i = 0; i < values.size(); i++) {
            String v = values.get(i);
            if (v == null || v.isBlank()) {
                continue;
            }
            try {
                out.add(Long.valueOf(v.trim()));
            } catch (NumberFormatException e) {
                throw new InvalidInputException("路段不存在 unknown segment", name + "[" + i + "]");
            }
        }
        return out;
    }

    private static VehicleType vehicleType(String v) {
        try {
            return VehicleType.valueOf(v);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("请选择车辆类型 choose a vehicle type", "type");
        }
    }

    private static ShiftDays shiftDays(String v) {
        try {
            return ShiftDays.valueOf(v);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("请选择执行日（每天/工作日）choose the days", "days");
        }
    }

    private static PointKind pointKind(String v) {
        try {
            return PointKind.valueOf(v);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("请选择类型（地埋桶/转运站）choose a kind", "kind");
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static String plain(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }
}
