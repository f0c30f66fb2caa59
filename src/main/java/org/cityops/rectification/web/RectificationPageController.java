package org.cityops.rectification.web;

// Size: to be split by page (ledger list, measure page, leader dashboard) when it grows again: over 400 lines since
// issue 21 gave the measure page its indicator list and leader choice (the form handlers already share act(...))

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cityops.org.CurrentActor;
import org.cityops.org.OrgDirectory;
import org.cityops.org.Role;
import org.cityops.org.StaffMember;
import org.cityops.platform.DomainException;
import org.cityops.rectification.MeasureStatus;
import org.cityops.rectification.ProblemStatus;
import org.cityops.rectification.internal.IndicatorRegistry;
import org.cityops.rectification.internal.LedgerAccess;
import org.cityops.rectification.internal.LedgerImporter;
import org.cityops.rectification.internal.LedgerReads;
import org.cityops.rectification.internal.LedgerReads.MeasureDetail;
import org.cityops.rectification.internal.LedgerReads.ProblemDetail;
import org.cityops.rectification.internal.LedgerReads.Summary;
import org.cityops.rectification.internal.LedgerRows.MeasureRow;
import org.cityops.rectification.internal.LedgerService;
import org.cityops.rectification.internal.MeasureQuery;
import org.cityops.rectification.internal.WarningService;
import org.cityops.rectification.internal.imports.LedgerImportException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Pages of the rectification ledger: list and import, ledger, dashboard, task list, problem and measure. */
@Controller
@PreAuthorize("hasAnyRole('RECTIFICATION_OFFICE','LEADER','ADMIN','HANDLER')")
class RectificationPageController {

    private static final int PAGE = 100;
    /** The task list shows the first measures of each inspection; the ledger page filters and pages the rest. */
    private static final int TASKS_PER_INSPECTION = 100;

    private final LedgerService ledger;
    private final LedgerReads reads;
    private final LedgerImporter importer;
    private final WarningService warnings;
    private final IndicatorRegistry indicators;
    private final OrgDirectory orgDirectory;

    RectificationPageController(
            LedgerService ledger,
            LedgerReads reads,
            LedgerImporter importer,
            WarningService warnings,
            IndicatorRegistry indicators,
            OrgDirectory orgDirectory) {
        this.ledger = ledger;
        this.reads = reads;
        this.importer = importer;
        this.warnings = warnings;
        this.indicators = indicators;
        this.orgDirectory = orgDirectory;
    }

    @GetMapping("/rectification")
    String inspections(@CurrentActor StaffMember me, Model model) {

        if (!LedgerAccess.seesAll(me)) {
            return "redirect:/rectification-tasks";
        }
        model.addAttribute("inspections", reads.inspections(me));
        model.addAttribute("canEdit", LedgerAccess.edits(me));
        return "rectification/inspections";
    }

    @PostMapping("/rectification/import")
    String importFile(@CurrentActor StaffMember me, @RequestParam("file") MultipartFile file, RedirectAttributes flash)
            throws IOException {
        String name = file.getOriginalFilename() == null ? "" : file.getOriginalFilename();
        try {
            var r = name.toLowerCase().endsWith(".json")
                    ? importer.importJson(me, file.getBytes())
                    : importer.importXlsx(me, file.getBytes(), name);
            flash.addFlashAttribute(
                    "ok",
                    "已导入 imported: " + r.categories() + " 类 " + r.problems() + " 条问题 " + r.measures() + " 条措施"
                            + (r.warnings().isEmpty() ? "" : ";" + String.join(";", r.warnings())));
            return "redirect:/rectification/inspections/" + r.inspectionId();
        } catch (LedgerImportException e) {
            flash.addFlashAttribute("importErrors", e.errors());
            flash.addFlashAttribute("error", e.getMessage());
            return "redirect:/rectification";
        }
    }

    @GetMapping("/rectification/inspections/{id}")
    String ledgerPage(
            @CurrentActor StaffMember me,
            @PathVariable long id,
            @RequestParam(required = false) Long category,
            @RequestParam(required = false) String department,
            @RequestParam(required = false) String leader,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String problemStatus,
            @RequestParam(defaultValue = "false") boolean overdue,
            @RequestParam(defaultValue = "false") boolean dueSoon,
            @RequestParam(defaultValue = "0") int page,
            Model model) {

        LocalDate today = reads.today();
        MeasureQuery q = RectificationApiController.query(
                id, category, department, leader, status, problemStatus, overdue, dueSoon, page, PAGE, today);
        var result = reads.measures(me, q);
        model.addAttribute("inspection", reads.inspection(me, id));
        model.addAttribute("categories", reads.categories(me, id));
        model.addAttribute("departments", reads.leadDepartments(me, id));
        model.addAttribute("leaders", reads.leaders(me, id));
        model.addAttribute("rows", result.rows());
        model.addAttribute("total", result.total());
        model.addAttribute("page", page);
        model.addAttribute("lastPage", Math.max(0, (result.total() - 1) / PAGE));
        model.addAttribute("today", today);
        model.addAttribute("f", new Filter(category, department, leader, status, problemStatus, overdue, dueSoon));
        model.addAttribute("measureStatuses", MeasureStatus.values());
        model.addAttribute("problemStatuses", ProblemStatus.values());
        model.addAttribute("problemStatusOf", reads.problemStatuses(me, id));
        model.addAttribute("seesAll", LedgerAccess.seesAll(me));
        model.addAttribute("indicatorNow", indicatorValues(result.rows()));
        return "rectification/ledger";
    }

    record Filter(
            Long category,
            String department,
            String leader,
            String status,
            String problemStatus,
            boolean overdue,
            boolean dueSoon) {}

    private Map<Long, String> indicatorValues(List<MeasureRow> rows) {
        Map<Long, String> out = new LinkedHashMap<>();
        for (MeasureRow m : rows) {
            if (m.indicatorKey() != null) {
                out.put(m.id(), reads.indicatorNow(m).map(v -> v.display()).orElse("不可用 n/a"));
            }
        }
        return out;
    }

    @GetMapping("/rectification/inspections/{id}/dashboard")
    String dashboard(@CurrentActor StaffMember me, @PathVariable long id, Model model) {

        LocalDate today = reads.today();
        Summary s = reads.summary(me, id);
        model.addAttribute("inspection", reads.inspection(me, id));
        model.addAttribute("summary", s);
        model.addAttribute(
                "overdue",
                reads.measures(
                                me,
                                new MeasureQuery(
                                        id, null, null, null, null, null, null, true, false, null, today, 200, 0))
                        .rows());
        model.addAttribute(
                "dueSoon",
                reads.measures(
                                me,
                                new MeasureQuery(
                                        id, null, null, null, null, null, null, false, true, null, today, 200, 0))
                        .rows());
        var queue = warnings.queue(me, id);
        model.addAttribute(
                "escalations",
                queue.stream()
                        .filter(w -> "OVERDUE".equals(w.kind()) && WarningService.escalatedTo(w, me.username()))
                        .toList());
        Map<LocalDate, Long> byDay = reads.completionsByDay(me, id);
        List<String> days = new ArrayList<>();
        List<Long> cumulative = new ArrayList<>();
        long sum = 0;
        for (var e : byDay.entrySet()) {
            sum += e.getValue();
            days.add(e.getKey().toString());
            cumulative.add(sum);
        }
        model.addAttribute("chartDays", String.join(",", days));
        model.addAttribute(
                "chartValues",
                String.join(",", cumulative.stream().map(String::valueOf).toList()));
        model.addAttribute(
                "statusLabels",
                String.join(
                        ",",
                        java.util.Arrays.stream(ProblemStatus.values())
                                .map(ProblemStatus::label)
                                .toList()));
        model.addAttribute(
                "statusValues",
                String.join(
                        ",",
                        java.util.Arrays.stream(ProblemStatus.values())
                                .map(st -> String.valueOf(s.problemsByStatus().get(st)))
                                .toList()));
        model.addAttribute("today", today);
        return "rectification/dashboard";
    }

    @GetMapping("/rectification-tasks")
    String tasks(@CurrentActor StaffMember me, Model model) {

        LocalDate today = reads.today();
        List<Map<String, Object>> groups = new ArrayList<>();
        for (var insp : reads.inspections(me)) {
            List<MeasureRow> rows = LedgerAccess.seesAll(me) && !LedgerAccess.edits(me)
                    ? List.of()
                    : reads
                            .measures(
                                    me,
                                    new MeasureQuery(
                                            insp.id(),
                                            null,
                                            null,
                                            null,
                                            null,
                                            null,
                                            null,
                                            false,
                                            false,
                                            null,
                                            today,
                                            TASKS_PER_INSPECTION,
                                            0))
                            .rows()
                            .stream()
                            .filter(m -> m.status() != MeasureStatus.COMPLETED || !LedgerAccess.seesAll(me))
                            .toList();
            if (!rows.isEmpty()) {
                groups.add(Map.of("inspection", insp, "rows", rows));
            }
        }
        model.addAttribute("groups", groups);
        model.addAttribute("warnings", warnings.queue(me, null));
        model.addAttribute("today", today);
        model.addAttribute("department", me.departmentCode());
        return "rectification/tasks";
    }

    @GetMapping("/rectification/problems/{id}")
    String problem(@CurrentActor StaffMember me, @PathVariable long id, Model model) {

        ProblemDetail d = reads.problemDetail(me, id);
        model.addAttribute("pv", d.view());
        model.addAttribute("events", d.events());
        model.addAttribute("inspectionId", d.inspectionId());
        model.addAttribute("canSignOff", LedgerAccess.signsOff(me));
        model.addAttribute("canReopen", LedgerAccess.signsOff(me) || LedgerAccess.edits(me));
        model.addAttribute("problemStatuses", ProblemStatus.values());
        model.addAttribute("today", reads.today());
        return "rectification/problem";
    }

    @GetMapping("/rectification/measures/{id}")
    String measure(@CurrentActor StaffMember me, @PathVariable long id, Model model) {

        MeasureDetail d = reads.measureDetail(me, id);
        MeasureRow m = d.measure();
        model.addAttribute("m", m);
        model.addAttribute("inspectionId", d.inspectionId());
        model.addAttribute("progress", d.progress());
        model.addAttribute("evidence", d.evidence());
        model.addAttribute(
                "indicatorNow", reads.indicatorNow(m).map(v -> v.display()).orElse(null));
        model.addAttribute("indicators", indicators.all());
        // the indicator's parameters as fields (no typed k=v;k=v), the leader account from the leaders' list
        model.addAttribute("indicatorParams", IndicatorRegistry.parse(m.indicatorParams()));
        model.addAttribute(
                "indicatorLabel",
                m.indicatorKey() == null
                        ? null
                        : indicators
                                .find(m.indicatorKey())
                                .map(org.cityops.rectification.IndicatorSource::label)
                                .orElse(m.indicatorKey()));
        model.addAttribute("leaders", orgDirectory.staffWithRole(Role.LEADER));
        model.addAttribute("canEdit", LedgerAccess.edits(me));
        model.addAttribute("measureStatuses", MeasureStatus.values());
        model.addAttribute("today", reads.today());
        return "rectification/measure";
    }

    // ------------------------------------------------------------ form posts (PRG)

    @PostMapping("/rectification/measures/{id}/assign")
    String assign(
            @CurrentActor StaffMember me,
            @PathVariable long id,
            @RequestParam(required = false) String leader,
            @RequestParam(required = false) String leaderUsername,
            @RequestParam(required = false) String leadDepartment,
            @RequestParam(required = false) String cooperating,
            @RequestParam(required = false) String deadline,
            @RequestParam(required = false) String expectedOutcome,
            RedirectAttributes flash) {
        return act(
                flash,
                "/rectification/measures/" + id,
                "已保存分工 assignment saved",
                () -> ledger.assign(
                        me,
                        id,
                        leader,
                        leaderUsername,
                        leadDepartment,
                        cooperating == null ? List.of() : List.of(cooperating.split("[、,,;;]")),
                        deadline,
                        expectedOutcome));
    }

    @PostMapping("/rectification/measures/{id}/progress")
    String progress(
            @CurrentActor StaffMember me,
            @PathVariable long id,
            @RequestParam(required = false) LocalDate date,
            @RequestParam(required = false) String text,
            RedirectAttributes flash) {
        return act(
                flash,
                "/rectification/measures/" + id,
                "已报送进展 progress posted",
                () -> ledger.addProgress(me, id, date, text));
    }

    @PostMapping("/rectification/measures/{id}/evidence")
    String evidence(
            @CurrentActor StaffMember me,
            @PathVariable long id,
            @RequestParam(required = false) MultipartFile file,
            @RequestParam(required = false) String url,
            @RequestParam(required = false) String name,
            @RequestParam(required = false) String kind,
            RedirectAttributes flash) {
        return act(flash, "/rectification/measures/" + id, "已上传佐证 evidence added", () -> {
            if (file != null && !file.isEmpty()) {
                String k =
                        file.getContentType() != null && file.getContentType().startsWith("image/") ? "PHOTO" : "FILE";
                try {
                    return ledger.addEvidence(
                            me, id, null, k, file.getOriginalFilename(), file.getContentType(), file.getBytes(), null);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
            return ledger.addEvidence(
                    me, id, null, kind == null || kind.isBlank() ? "LINK" : kind, name, null, null, url);
        });
    }

    @PostMapping("/rectification/measures/{id}/status")
    String measureStatus(
            @CurrentActor StaffMember me,
            @PathVariable long id,
            @RequestParam String status,
            RedirectAttributes flash) {
        return act(
                flash,
                "/rectification/measures/" + id,
                "状态已更新 status updated",
                () -> ledger.changeStatus(me, id, MeasureStatus.parse(status)));
    }

    @PostMapping("/rectification/measures/{id}/indicator")
    String indicator(
            @CurrentActor StaffMember me,
            @PathVariable long id,
            @RequestParam(required = false) String key,
            @RequestParam(required = false) String params,
            @RequestParam java.util.Map<String, String> form,
            RedirectAttributes flash) {
        // the form sends the chosen indicator's own fields as p.<key>.<parameter>; a typed params string still works
        return act(
                flash,
                "/rectification/measures/" + id,
                "已关联指标 indicator linked",
                () -> ledger.linkIndicator(me, id, key, params != null ? params : IndicatorParams.join(key, form)));
    }

    @PostMapping("/rectification/problems/{id}/override")
    String override(
            @CurrentActor StaffMember me,
            @PathVariable long id,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String justification,
            RedirectAttributes flash) {
        return act(
                flash,
                "/rectification/problems/" + id,
                "状态已认定 status set",
                () -> ledger.overrideStatus(
                        me,
                        id,
                        status == null || status.isBlank() ? null : ProblemStatus.parse(status),
                        justification));
    }

    @PostMapping("/rectification/problems/{id}/sign-off")
    String signOff(
            @CurrentActor StaffMember me,
            @PathVariable long id,
            @RequestParam(required = false) LocalDate date,
            @RequestParam(required = false) String opinion,
            RedirectAttributes flash) {
        return act(
                flash, "/rectification/problems/" + id, "已销号 signed off", () -> ledger.signOff(me, id, date, opinion));
    }

    @PostMapping("/rectification/problems/{id}/reopen")
    String reopen(
            @CurrentActor StaffMember me,
            @PathVariable long id,
            @RequestParam(required = false) String reason,
            RedirectAttributes flash) {
        return act(flash, "/rectification/problems/" + id, "已重新打开 reopened", () -> ledger.reopen(me, id, reason));
    }

    private static String act(RedirectAttributes flash, String back, String ok, java.util.function.Supplier<?> action) {
        try {
            action.get();
            flash.addFlashAttribute("ok", ok);
        } catch (DomainException e) {
            if (e instanceof org.cityops.platform.AccessDeniedToEntityException) {
                throw e;
            }
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:" + back;
    }
}
