package org.cityops.notify.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.cityops.notify.NoticeKind;
import org.cityops.notify.internal.DeadLetters;
import org.cityops.notify.internal.NoticeTemplates;
import org.cityops.notify.internal.OutboxStore;
import org.cityops.org.CurrentActor;
import org.cityops.org.StaffMember;
import org.cityops.platform.CityClock;
import org.cityops.platform.InvalidInputException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * /admin/notify (ADMIN): the delivery log (filter by status, kind, channel and date; newest first; 50 a page),
 * dead letters with 重新发送, and the templates. Phone numbers are shown masked; the text only for LOG rows (the
 * demo's, nothing left the machine).
 */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class NotifyAdminPageController {

    static final List<String> STATUSES = List.of("PENDING", "SENT", "HELD", "DEAD", "SKIPPED");
    static final List<String> CHANNELS = List.of("SMS", "WECOM", "DINGTALK", "EMAIL", "LOG");
    private static final int SIZE = 50;

    private final OutboxStore outbox;
    private final NoticeTemplates templates;
    private final DeadLetters deadLetters;

    NotifyAdminPageController(OutboxStore outbox, NoticeTemplates templates, DeadLetters deadLetters) {
        this.outbox = outbox;
        this.templates = templates;
        this.deadLetters = deadLetters;
    }

    @GetMapping("/admin/notify")
    String log(
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) String channel,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        String s = oneOf(status, STATUSES, "status");
        String k =
                oneOf(kind, Arrays.stream(NoticeKind.values()).map(Enum::name).toList(), "kind");
        String c = oneOf(channel, CHANNELS, "channel");
        LocalDate fromDay = day(from, "from");
        LocalDate toDay = day(to, "to");
        Instant fromAt =
                fromDay == null ? null : fromDay.atStartOfDay(CityClock.ZONE).toInstant();
        Instant toAt = toDay == null
                ? null
                : toDay.plusDays(1).atStartOfDay(CityClock.ZONE).toInstant();
        OutboxStore.Filter filter = new OutboxStore.Filter(s, k, c, fromAt, toAt);
        int p = Math.max(0, Math.min(page, 100_000));
        long total = outbox.count(filter);
        model.addAttribute("rows", outbox.find(filter, SIZE, p * SIZE));
        model.addAttribute("total", total);
        model.addAttribute("page", p);
        model.addAttribute("lastPage", Math.max(0, (total - 1) / SIZE));
        model.addAttribute("status", s);
        model.addAttribute("kind", k);
        model.addAttribute("channel", c);
        model.addAttribute("from", fromDay);
        model.addAttribute("to", toDay);
        model.addAttribute("statuses", STATUSES);
        model.addAttribute("channels", CHANNELS);
        model.addAttribute("kinds", NoticeKind.values());
        model.addAttribute("counts", outbox.countsByStatus());
        model.addAttribute("tab", "DEAD".equals(s) ? "dead" : "log");
        return "notify/admin";
    }

    @PostMapping("/admin/notify/{id}/resend")
    String resend(@PathVariable long id, RedirectAttributes flash) {
        deadLetters.resend(id);
        flash.addFlashAttribute("okKey", "notify.resent");
        return "redirect:/admin/notify?status=DEAD";
    }

    @GetMapping("/admin/notify/templates")
    String templates(Model model) {
        model.addAttribute("templates", templates.all());
        model.addAttribute("tab", "templates");
        return "notify/templates";
    }

    @PostMapping("/admin/notify/templates/{kind}")
    String saveTemplate(
            @PathVariable String kind,
            @RequestParam(required = false) String body,
            @CurrentActor StaffMember me,
            Model model,
            HttpServletResponse response,
            RedirectAttributes flash) {
        NoticeKind k = kind(kind);
        try {
            templates.save(k, body, me.username());
        } catch (InvalidInputException e) {
            response.setStatus(400);
            model.addAttribute("errorKind", k);
            model.addAttribute("errorMessage", e.getMessage());
            model.addAttribute("typed", body);
            return templates(model);
        }
        flash.addFlashAttribute("okKey", "notify.template.saved");
        return "redirect:/admin/notify/templates#t-" + k.name();
    }

    @PostMapping("/admin/notify/templates/{kind}/reset")
    String resetTemplate(@PathVariable String kind, RedirectAttributes flash) {
        templates.reset(kind(kind));
        flash.addFlashAttribute("okKey", "notify.template.reset");
        return "redirect:/admin/notify/templates";
    }

    private static NoticeKind kind(String code) {
        String k =
                oneOf(code, Arrays.stream(NoticeKind.values()).map(Enum::name).toList(), "kind");
        if (k == null) {
            throw new InvalidInputException("未知的消息类型", "kind");
        }
        return NoticeKind.valueOf(k);
    }

    private static String oneOf(String value, List<String> allowed, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip().toUpperCase(Locale.ROOT);
        if (!allowed.contains(v)) {
            throw new InvalidInputException("无效的筛选值", field);
        }
        return v;
    }

    private static LocalDate day(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("日期格式应为 yyyy-MM-dd", field);
        }
    }
}
