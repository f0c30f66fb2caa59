package org.cityops.opinion.web;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.cityops.catalog.Catalog;
import org.cityops.opinion.duty.DutyLog;
import org.cityops.opinion.duty.DutyRoster;
import org.cityops.opinion.item.ItemDraft;
import org.cityops.opinion.item.OpinionAccess;
import org.cityops.opinion.item.OpinionItem;
import org.cityops.opinion.item.OpinionItems;
import org.cityops.opinion.item.OpinionLevel;
import org.cityops.opinion.item.OpinionSource;
import org.cityops.opinion.item.OpinionStatus;
import org.cityops.opinion.item.TriageAction;
import org.cityops.opinion.item.TriagePolicy;
import org.cityops.opinion.report.DailyReport;
import org.cityops.org.CurrentActor;
import org.cityops.org.StaffMember;
import org.cityops.platform.CityClock;
import org.cityops.platform.DomainException;
import org.cityops.platform.InvalidInputException;
import org.cityops.platform.web.FormRefusal;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Pages of 网络舆情: the item list (filters), the new-item form, one item with its triage actions, the department
 * replies, the duty roster (this week) and the duty log of a day with the daily report.
 */
@Controller
@PreAuthorize(OpinionRoles.READ)
class OpinionPageController {

    private final OpinionItems items;
    private final DutyRoster roster;
    private final DutyLog log;
    private final Catalog catalog;
    private final Clock clock;

    OpinionPageController(OpinionItems items, DutyRoster roster, DutyLog log, Catalog catalog, Clock clock) {
        this.items = items;
        this.roster = roster;
        this.log = log;
        this.catalog = catalog;
        this.clock = clock;
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(CityClock.ZONE));
    }

    @GetMapping("/opinion")
    @PreAuthorize(OpinionRoles.DUTY)
    String list(
            @CurrentActor StaffMember me,
            @RequestParam(required = false) OpinionStatus status,
            @RequestParam(required = false) OpinionLevel level,
            @RequestParam(required = false) OpinionSource source,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @RequestParam(required = false) String q,
            Model model) {
        String query = q == null ? null : q.length() > 60 ? q.substring(0, 60) : q;
        model.addAttribute("items", items.list(me, new OpinionItems.Filter(status, level, source, date, query)));
        model.addAttribute("status", status);
        model.addAttribute("level", level);
        model.addAttribute("source", source);
        model.addAttribute("date", date);
        model.addAttribute("q", query);
        model.addAttribute("statuses", OpinionStatus.values());
        model.addAttribute("levels", OpinionLevel.values());
        model.addAttribute("sources", OpinionSource.values());
        model.addAttribute("officer", OpinionAccess.officer(me));
        model.addAttribute("now", clock.instant());
        return "opinion/list";
    }

    @GetMapping("/opinion/items/new")
    @PreAuthorize(OpinionRoles.OFFICER)
    String newItem(Model model) {
        model.addAttribute("levels", OpinionLevel.values());
        model.addAttribute("sources", manualSources());
        return "opinion/new";
    }

    private static List<OpinionSource> manualSources() {
        return java.util.Arrays.stream(OpinionSource.values())
                .filter(s -> s != OpinionSource.FEED)
                .toList();
    }

    @PostMapping("/opinion/items")
    @PreAuthorize(OpinionRoles.OFFICER)
    String create(
            @CurrentActor StaffMember me,
            @RequestParam(required = false) String title,
            @RequestParam(required = false) OpinionSource source,
            @RequestParam(required = false) String url,
            @RequestParam(required = false) String summary,
            @RequestParam(required = false) String publishedAt,
            @RequestParam(required = false) String place,
            @RequestParam(required = false) Double lat,
            @RequestParam(required = false) Double lon,
            @RequestParam(required = false) OpinionLevel level,
            RedirectAttributes redirect) {
        ItemDraft d = null;
        try {
            d = new ItemDraft(
                    title,
                    source,
                    null,
                    null,
                    url,
                    summary,
                    dateTime(publishedAt, "publishedAt"),
                    place,
                    lat,
                    lon,
                    level);
            OpinionItem item = items.create(d, me);
            redirect.addFlashAttribute("done", "created");
            return "redirect:/opinion/items/" + item.id();
        } catch (DomainException e) {
            return FormRefusal.redirect(redirect, e, d, "/opinion/items/new");
        }
    }

    private static java.time.Instant dateTime(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(value.strip()).atZone(CityClock.ZONE).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("时间格式不正确 bad date/time", field);
        }
    }

    @GetMapping("/opinion/items/{id}")
    String item(@CurrentActor StaffMember me, @PathVariable long id, Model model) {
        OpinionItem item = items.get(id, me);
        TriagePolicy.Party who = OpinionAccess.party(me, item);
        model.addAttribute("item", item);
        model.addAttribute("triage", DailyReport.triage(item));
        model.addAttribute("now", clock.instant());
        for (TriageAction a :
                List.of(TriageAction.DISMISS, TriageAction.FORWARD, TriageAction.REPLY, TriageAction.REQUEST_CASE)) {
            model.addAttribute(
                    "can" + a.name(), TriagePolicy.decide(item.status(), a, who).allowed());
        }
        if (who == TriagePolicy.Party.OFFICER) {
            model.addAttribute("departments", items.departments());
            model.addAttribute("categories", catalog.activeCategories());
            model.addAttribute("defaultCategory", items.defaultCategory());
            model.addAttribute(
                    "defaultDue",
                    LocalDateTime.now(clock.withZone(CityClock.ZONE))
                            .plusDays(1)
                            .withSecond(0)
                            .withNano(0)
                            .toString());
        }
        return "opinion/item";
    }

    @PostMapping("/opinion/items/{id}/dismiss")
    String dismiss(
            @CurrentActor StaffMember me,
            @PathVariable long id,
            @RequestParam(required = false) String reason,
            RedirectAttributes redirect) {
        return act(id, redirect, "dismissed", () -> items.dismiss(id, reason, me));
    }

    @PostMapping("/opinion/items/{id}/forward")
    String forward(
            @CurrentActor StaffMember me,
            @PathVariable long id,
            @RequestParam(required = false) Long departmentId,
            @RequestParam(required = false) String replyDueAt,
            @RequestParam(required = false) String note,
            RedirectAttributes redirect) {
        return act(
                id,
                redirect,
                "forwarded",
                () -> items.forward(id, departmentId, dateTime(replyDueAt, "replyDueAt"), note, me));
    }

    @PostMapping("/opinion/items/{id}/reply")
    String reply(
            @CurrentActor StaffMember me,
            @PathVariable long id,
            @RequestParam(required = false) String reply,
            RedirectAttributes redirect) {
        return act(id, redirect, "replied", () -> items.reply(id, reply, me));
    }

    @PostMapping("/opinion/items/{id}/case")
    String requestCase(
            @CurrentActor StaffMember me,
            @PathVariable long id,
            @RequestParam(required = false) String categoryCode,
            @RequestParam(required = false) Double lat,
            @RequestParam(required = false) Double lon,
            @RequestParam(required = false) String address,
            RedirectAttributes redirect) {
        return act(id, redirect, "caseRequested", () -> items.requestCase(id, categoryCode, lat, lon, address, me));
    }

    private String act(long id, RedirectAttributes redirect, String done, Runnable step) {
        try {
            step.run();
            redirect.addFlashAttribute("done", done);
        } catch (DomainException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/opinion/items/" + id;
    }

    @GetMapping("/opinion/replies")
    String replies(@CurrentActor StaffMember me, Model model) {
        List<OpinionItem> forwarded = items.list(me, OpinionItems.Filter.none()).stream()
                .filter(i -> i.departmentId() != null)
                .toList();
        model.addAttribute(
                "waiting",
                forwarded.stream()
                        .filter(i -> i.status() == OpinionStatus.FORWARDED || i.status() == OpinionStatus.OVERDUE)
                        .toList());
        model.addAttribute(
                "answered",
                forwarded.stream()
                        .filter(i -> i.status() == OpinionStatus.REPLIED)
                        .limit(50)
                        .toList());
        model.addAttribute("now", clock.instant());
        return "opinion/replies";
    }

    @GetMapping("/opinion/duty")
    @PreAuthorize(OpinionRoles.DUTY)
    String duty(
            @CurrentActor StaffMember me,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            Model model) {
        LocalDate start = from == null ? today().with(DayOfWeek.MONDAY) : from;
        model.addAttribute("from", start);
        model.addAttribute("prev", start.minusDays(7));
        model.addAttribute("next", start.plusDays(7));
        model.addAttribute("today", today());
        model.addAttribute("days", roster.days(start, 7));
        model.addAttribute("mayPlan", DutyRoster.mayPlan(me));
        model.addAttribute("candidates", roster.candidates());
        model.addAttribute("leaders", roster.leaders());
        return "opinion/duty";
    }

    @PostMapping("/opinion/duty/{date}")
    @PreAuthorize(OpinionRoles.DUTY)
    String setDuty(
            @CurrentActor StaffMember me,
            @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @RequestParam(required = false) List<String> officers,
            @RequestParam(required = false) String leader,
            RedirectAttributes redirect) {
        try {
            roster.set(date, officers, leader, me);
            redirect.addFlashAttribute("done", "dutySaved");
        } catch (DomainException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/opinion/duty?from=" + date.with(DayOfWeek.MONDAY);
    }

    @GetMapping("/opinion/log")
    @PreAuthorize(OpinionRoles.DUTY)
    String dutyLog(
            @CurrentActor StaffMember me,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            Model model) {
        LocalDate day = date == null ? today() : date;
        model.addAttribute("date", day);
        model.addAttribute("prev", day.minusDays(1));
        model.addAttribute("next", day.isBefore(today()) ? day.plusDays(1) : null);
        model.addAttribute("duty", roster.day(day));
        model.addAttribute("entries", log.of(day));
        model.addAttribute("counts", items.counts(day));
        model.addAttribute("officer", OpinionAccess.officer(me));
        model.addAttribute("kinds", DutyLog.Kind.values());
        return "opinion/log";
    }

    @PostMapping("/opinion/log")
    @PreAuthorize(OpinionRoles.OFFICER)
    String writeLog(
            @CurrentActor StaffMember me,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @RequestParam(required = false) DutyLog.Kind kind,
            @RequestParam(required = false) String text,
            RedirectAttributes redirect) {
        LocalDate day = date == null ? today() : date;
        try {
            log.write(day, kind, text, me);
            redirect.addFlashAttribute("done", "logged");
        } catch (DomainException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/opinion/log?date=" + day;
    }
}
