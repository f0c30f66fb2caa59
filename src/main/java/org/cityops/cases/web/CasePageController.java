package org.cityops.cases.web;

import java.io.IOException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.cityops.cases.CaseAction;
import org.cityops.cases.CaseChannel;
import org.cityops.cases.CaseStatus;
import org.cityops.cases.Satisfaction;
import org.cityops.cases.internal.CaseFilter;
import org.cityops.cases.internal.CasePage;
import org.cityops.cases.internal.CaseQueries;
import org.cityops.cases.internal.CaseService;
import org.cityops.cases.internal.CaseView;
import org.cityops.cases.internal.DispatchPreviews;
import org.cityops.cases.internal.EnforcementLinks;
import org.cityops.cases.internal.MergeTargets;
import org.cityops.cases.internal.NewCase;
import org.cityops.cases.internal.TransferredCases;
import org.cityops.cases.internal.TransitionRequest;
import org.cityops.catalog.Catalog;
import org.cityops.catalog.Urgency;
import org.cityops.org.CurrentActor;
import org.cityops.org.OrgDirectory;
import org.cityops.org.OrgUnitKind;
import org.cityops.org.Role;
import org.cityops.org.StaffMember;
import org.cityops.platform.DomainException;
import org.cityops.platform.excel.WorkbookWriter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The staff console: role queues with countdowns, lists with filters and Excel export, detail, map, intake. */
@Controller
@PreAuthorize("hasAnyRole('ADMIN','OPERATOR','SHIFT_LEADER','DISPATCHER','INSPECTOR','HANDLER','LEADER','ASSESSOR')")
class CasePageController {

    private final CaseService cases;
    private final CaseQueries queries;
    private final OrgDirectory org;
    private final Catalog catalog;
    private final CaseExcel excel;
    private final DispatchPreviews dispatchPreviews;
    private final MergeTargets mergeTargets;
    private final TransferredCases transferred;
    private final String tileUrl;
    private final String center;

    private final EnforcementLinks enforcementLinks;

    CasePageController(
            CaseService cases,
            CaseQueries queries,
            OrgDirectory org,
            Catalog catalog,
            CaseExcel excel,
            DispatchPreviews dispatchPreviews,
            MergeTargets mergeTargets,
            TransferredCases transferred,
            EnforcementLinks enforcementLinks,
            @Value("${cityops.map.tile-url:}") String tileUrl,
            @Value("${cityops.map.center-lat:31.79},${cityops.map.center-lon:119.95},${cityops.map.zoom:11}")
                    String center) {
        this.cases = cases;
        this.queries = queries;
        this.org = org;
        this.catalog = catalog;
        this.excel = excel;
        this.dispatchPreviews = dispatchPreviews;
        this.mergeTargets = mergeTargets;
        this.transferred = transferred;
        this.enforcementLinks = enforcementLinks;
        this.tileUrl = tileUrl;
        this.center = center;
    }

    private void common(Model model) {
        model.addAttribute("statuses", CaseStatus.values());
        model.addAttribute("channels", CaseChannel.values());
        model.addAttribute("urgencies", Urgency.values());
        model.addAttribute("satisfactions", Satisfaction.values());
        model.addAttribute("categories", catalog.activeCategories());
        model.addAttribute("districts", org.unitsOfKind(OrgUnitKind.DISTRICT));
        model.addAttribute("departments", org.departments());
        model.addAttribute("tileUrl", tileUrl);
        model.addAttribute("mapCenter", center);
    }

    @GetMapping("/cases/queue")
    String queue(@CurrentActor StaffMember me, @RequestParam(defaultValue = "0") int page, Model model) {
        CasePage result = queries.queue(me, page, 50);
        common(model);
        tasks(me, model);
        model.addAttribute("result", result);
        model.addAttribute("alerts", queries.alerts(me, 20));
        model.addAttribute("transferred", transferred.of(me, 50));
        model.addAttribute("queueStatuses", CaseQueries.queueStatuses(me.roles()));
        model.addAttribute(
                "roles", me.roles().stream().map(Role::label).sorted().toList());
        return "cases/queue";
    }

    /** 我的任务 for an inspector: the 核实 / 核查 tasks sent to it, most urgent first. */
    private void tasks(StaffMember me, Model model) {
        if (me.roles().contains(Role.INSPECTOR)) {
            model.addAttribute("tasks", queries.queue(me, true, 0, 50).items());
        }
    }

    /** One tap on 我的任务: 核实 or 核查通过, then back to the queue with what was done (or why not). */
    @PostMapping("/cases/{id}/task")
    @PreAuthorize("hasRole('INSPECTOR')")
    String task(
            @CurrentActor StaffMember me,
            @PathVariable long id,
            @RequestParam CaseAction action,
            RedirectAttributes redirect) {
        if (action != CaseAction.VERIFY && action != CaseAction.CHECK_PASS) {
            redirect.addFlashAttribute("taskError", "此处只能核实或核查通过 only VERIFY or CHECK_PASS here");
            return "redirect:/cases/queue";
        }
        try {
            CaseView done = cases.transition(id, TransitionRequest.of(action, null), me);
            redirect.addFlashAttribute("taskDone", done.caseNumber() + " " + action.label());
        } catch (DomainException e) {
            redirect.addFlashAttribute("taskError", e.getMessage());
        }
        return "redirect:/cases/queue";
    }

    @GetMapping("/cases")
    String list(
            @CurrentActor StaffMember me,
            @RequestParam(required = false) List<CaseStatus> status,
            @RequestParam(required = false) String category,
            @RequestParam(required = false) String district,
            @RequestParam(required = false) Long department,
            @RequestParam(required = false) Boolean overdue,
            @RequestParam(required = false) CaseChannel channel,
            @RequestParam(required = false) LocalDate from,
            @RequestParam(required = false) LocalDate to,
            @RequestParam(required = false) String number,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        CaseFilter f =
                CaseApiController.filter(status, category, district, department, overdue, channel, from, to, number);
        common(model);
        model.addAttribute("result", queries.list(f, me, page, 50));
        model.addAttribute("f", f);
        model.addAttribute("fromDate", from);
        model.addAttribute("toDate", to);
        return "cases/list";
    }

    @GetMapping("/cases/export.xlsx")
    ResponseEntity<byte[]> export(
            @CurrentActor StaffMember me,
            @RequestParam(required = false) List<CaseStatus> status,
            @RequestParam(required = false) String category,
            @RequestParam(required = false) String district,
            @RequestParam(required = false) Long department,
            @RequestParam(required = false) Boolean overdue,
            @RequestParam(required = false) CaseChannel channel,
            @RequestParam(required = false) LocalDate from,
            @RequestParam(required = false) LocalDate to,
            @RequestParam(required = false) String number,
            @RequestParam(defaultValue = "false") boolean queue)
            throws IOException {
        CasePage rows = queue
                ? queries.queue(me, 0, CaseQueries.MAX_PAGE)
                : queries.list(
                        CaseApiController.filter(
                                status, category, district, department, overdue, channel, from, to, number),
                        me,
                        0,
                        CaseQueries.MAX_PAGE);
        byte[] body = excel.write(rows.items());
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"cases.xlsx\"")
                .contentType(MediaType.parseMediaType(WorkbookWriter.CONTENT_TYPE))
                .body(body);
    }

    @GetMapping("/cases/map")
    String map(Model model) {
        common(model);
        return "cases/map";
    }

    @GetMapping("/cases/{id}")
    String detail(@CurrentActor StaffMember me, @PathVariable long id, Model model) {
        return detailModel(cases.get(id, me), me, model, null, "cases/detail");
    }

    private String detailModel(CaseView c, StaffMember me, Model model, String error, String view) {
        common(model);
        model.addAttribute("c", c);
        model.addAttribute("error", error);
        model.addAttribute("actions", c.availableActions().stream().sorted().toList());
        // 移送执法: the enforcement case it waits for, or its result
        model.addAttribute("enforcementLink", enforcementLinks.of(c.id()).orElse(null));
        model.addAttribute(
                "duplicates",
                c.status() == CaseStatus.PENDING_VERIFY || c.status() == CaseStatus.PENDING_FILE
                        ? cases.duplicates(c.id(), me)
                        : List.of());
        // 按派遣规则 shows where it sends, and why, before the dispatcher confirms
        model.addAttribute(
                "dispatchPreview",
                c.availableActions().contains(CaseAction.DISPATCH) ? dispatchPreviews.preview(c.id(), me) : null);
        return view;
    }

    /** One-click action (htmx): answers the refreshed detail panel, with the error shown when refused. */
    @PostMapping("/cases/{id}/act")
    String act(
            @CurrentActor StaffMember me,
            @PathVariable long id,
            @RequestParam CaseAction action,
            @RequestParam(required = false) String note,
            @RequestParam(required = false) Long departmentId,
            @RequestParam(required = false) Integer extensionHours,
            @RequestParam(required = false) Satisfaction satisfaction,
            @RequestParam(required = false) Boolean reopen,
            @RequestParam(required = false) Long mergeInto,
            @RequestParam(required = false) String mergeIntoNumber,
            @RequestParam(required = false) String inspector,
            @RequestParam(required = false) LocalDate expectedDate,
            @RequestParam(required = false) MultipartFile photo,
            @RequestParam(required = false) Long version,
            Model model)
            throws IOException {
        String error = null;
        CaseView done = null;
        try {
            // 合并 names the target by its case number (the form's field); an id is still accepted
            if (action == CaseAction.MERGE && mergeInto == null) {
                mergeInto = mergeTargets.idOf(mergeIntoNumber, me);
            }
            // the photo is stored with the step, in its transaction, only when the step is allowed
            done = cases.transition(
                    id,
                    new TransitionRequest(
                            action,
                            note,
                            departmentId,
                            extensionHours,
                            satisfaction,
                            reopen,
                            mergeInto,
                            inspector,
                            expectedDate),
                    me,
                    version,
                    PhotoUploads.read(photo));
        } catch (DomainException e) {
            error = e.getMessage();
        } catch (org.springframework.dao.OptimisticLockingFailureException e) {
            error = "案卷已被他人处理，请刷新 changed concurrently";
        }
        // after e.g. a RETURN the case may have left the caller's scope: show the result it produced
        return detailModel(done != null ? done : cases.get(id, me), me, model, error, "cases/detail :: panel");
    }

    @GetMapping("/cases/new")
    @PreAuthorize("hasAnyRole('OPERATOR','SHIFT_LEADER','INSPECTOR','LEADER','DISPATCHER')")
    String newCase(@CurrentActor StaffMember me, Model model) {
        common(model);
        model.addAttribute("inspector", me.roles().contains(Role.INSPECTOR));
        tasks(me, model);
        model.addAttribute(
                "intakeChannels",
                Arrays.stream(CaseChannel.values())
                        .filter(CaseChannel::takenByStaff)
                        .toList());
        return "cases/new";
    }

    @PostMapping("/cases/new")
    @PreAuthorize("hasAnyRole('OPERATOR','SHIFT_LEADER','INSPECTOR','LEADER','DISPATCHER')")
    String create(
            @CurrentActor StaffMember me,
            @RequestParam(required = false) CaseChannel channel,
            @RequestParam(required = false) String categoryCode,
            @RequestParam(required = false) String description,
            @RequestParam(required = false) Double lat,
            @RequestParam(required = false) Double lon,
            @RequestParam(required = false) String address,
            @RequestParam(required = false) Urgency urgency,
            @RequestParam(required = false) String reporterName,
            @RequestParam(required = false) String reporterPhone,
            @RequestParam(required = false) String idempotencyKey,
            @RequestParam(required = false) MultipartFile photo,
            Model model,
            RedirectAttributes redirect)
            throws IOException {
        CaseChannel ch = channel == null && me.roles().contains(Role.INSPECTOR) ? CaseChannel.INSPECTOR : channel;
        try {
            if (ch != null && !ch.takenByStaff()) {
                throw new org.cityops.platform.InvalidInputException("来源不可用 channel not allowed", "channel");
            }
            CaseService.Intake intake = cases.intake(
                    new NewCase(ch, categoryCode, description, lat, lon, address, urgency, reporterName, reporterPhone),
                    me,
                    idempotencyKey,
                    null,
                    null,
                    photo == null || photo.isEmpty() ? null : photo.getBytes());
            redirect.addFlashAttribute("created", intake.caseNumber());
            return "redirect:/cases/" + intake.caseId();
        } catch (DomainException e) {
            model.addAttribute("error", e.getMessage());
            model.addAttribute(
                    "form",
                    new NewCase(
                            ch, categoryCode, description, lat, lon, address, urgency, reporterName, reporterPhone));
            return newCase(me, model);
        }
    }
}
