package org.cityops.opinion.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.cityops.opinion.duty.DutyLog;
import org.cityops.opinion.duty.DutyRoster;
import org.cityops.opinion.item.ItemDraft;
import org.cityops.opinion.item.OpinionItems;
import org.cityops.opinion.item.OpinionLevel;
import org.cityops.opinion.item.OpinionSource;
import org.cityops.opinion.item.OpinionStatus;
import org.cityops.opinion.report.DailyReport;
import org.cityops.org.CurrentActor;
import org.cityops.org.StaffMember;
import org.cityops.platform.CityClock;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** 网络舆情 API: items and their triage, the duty roster, the duty log, the daily report (.docx). */
@RestController
@RequestMapping("/api/v1/opinion")
@PreAuthorize(OpinionRoles.READ)
class OpinionApiController {

    private final OpinionItems items;
    private final DutyRoster roster;
    private final DutyLog log;
    private final DailyReport report;
    private final Clock clock;

    OpinionApiController(OpinionItems items, DutyRoster roster, DutyLog log, DailyReport report, Clock clock) {
        this.items = items;
        this.roster = roster;
        this.log = log;
        this.report = report;
        this.clock = clock;
    }

    /** A new item entered by the duty officer. */
    record ItemBody(
            @NotBlank(message = "必填 required") @Size(max = 200, message = "不超过200字 at most 200 characters")
            String title,

            @NotNull(message = "必填 required") OpinionSource source,

            @Size(max = 1000, message = "不超过1000字 at most 1000 characters")
            String url,

            @Size(max = 2000, message = "不超过2000字 at most 2000 characters")
            String summary,

            Instant publishedAt,

            @Size(max = 200, message = "不超过200字 at most 200 characters")
            String place,

            @DecimalMin(value = "-90", message = "纬度超出范围 out of range")
            @DecimalMax(value = "90", message = "纬度超出范围 out of range")
            Double lat,

            @DecimalMin(value = "-180", message = "经度超出范围 out of range")
            @DecimalMax(value = "180", message = "经度超出范围 out of range")
            Double lon,

            OpinionLevel level) {}

    record DismissBody(
            @NotBlank(message = "必填 required") @Size(max = 1000, message = "不超过1000字 at most 1000 characters")
            String reason) {}

    /** {@code replyDueAt} in 北京时间, e.g. {@code 2026-12-08T18:00}. */
    record ForwardBody(
            @NotNull(message = "必填 required") Long departmentId,
            @NotNull(message = "必填 required") LocalDateTime replyDueAt,

            @Size(max = 1000, message = "不超过1000字 at most 1000 characters")
            String note) {}

    record ReplyBody(
            @NotBlank(message = "必填 required") @Size(max = 1000, message = "不超过1000字 at most 1000 characters")
            String reply) {}

    /** Category (default: the configured one), place (default: the item's). */
    record CaseBody(
            @Size(max = 32, message = "不超过32字 at most 32 characters")
            String categoryCode,

            Double lat,
            Double lon,

            @Size(max = 300, message = "不超过300字 at most 300 characters")
            String address) {}

    record DutyBody(
            @NotNull(message = "必填 required") @Size(min = 1, max = 10, message = "1至10人 1 to 10 officers")
            List<String> officers,

            String leader) {}

    record LogBody(
            @NotNull(message = "必填 required") LocalDate date,
            DutyLog.Kind kind,

            @NotBlank(message = "必填 required") @Size(max = 1000, message = "不超过1000字 at most 1000 characters")
            String text) {}

    @GetMapping("/items")
    List<ItemJson> list(
            @CurrentActor StaffMember me,
            @RequestParam(required = false) OpinionStatus status,
            @RequestParam(required = false) OpinionLevel level,
            @RequestParam(required = false) OpinionSource source,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @RequestParam(required = false) @Size(max = 60) String q) {
        return items.list(me, new OpinionItems.Filter(status, level, source, date, q)).stream()
                .map(ItemJson::of)
                .toList();
    }

    @PostMapping("/items")
    @PreAuthorize(OpinionRoles.OFFICER)
    ResponseEntity<ItemJson> create(@CurrentActor StaffMember me, @Valid @RequestBody ItemBody b) {
        var item = items.create(
                new ItemDraft(
                        b.title(),
                        b.source(),
                        null,
                        null,
                        b.url(),
                        b.summary(),
                        b.publishedAt(),
                        b.place(),
                        b.lat(),
                        b.lon(),
                        b.level()),
                me);
        return ResponseEntity.status(HttpStatus.CREATED).body(ItemJson.of(item));
    }

    @GetMapping("/items/{id}")
    ItemJson get(@CurrentActor StaffMember me, @PathVariable long id) {
        return ItemJson.of(items.get(id, me));
    }

    @PostMapping("/items/{id}/dismiss")
    ItemJson dismiss(@CurrentActor StaffMember me, @PathVariable long id, @Valid @RequestBody DismissBody b) {
        return ItemJson.of(items.dismiss(id, b.reason(), me));
    }

    @PostMapping("/items/{id}/forward")
    ItemJson forward(@CurrentActor StaffMember me, @PathVariable long id, @Valid @RequestBody ForwardBody b) {
        return ItemJson.of(items.forward(
                id, b.departmentId(), b.replyDueAt().atZone(CityClock.ZONE).toInstant(), b.note(), me));
    }

    @PostMapping("/items/{id}/reply")
    ItemJson reply(@CurrentActor StaffMember me, @PathVariable long id, @Valid @RequestBody ReplyBody b) {
        return ItemJson.of(items.reply(id, b.reply(), me));
    }

    @PostMapping("/items/{id}/case")
    ResponseEntity<ItemJson> requestCase(
            @CurrentActor StaffMember me, @PathVariable long id, @Valid @RequestBody CaseBody b) {
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .body(ItemJson.of(items.requestCase(id, b.categoryCode(), b.lat(), b.lon(), b.address(), me)));
    }

    @GetMapping("/duty")
    @PreAuthorize(OpinionRoles.DUTY)
    List<DutyRoster.DutyDay> duty(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from) {
        LocalDate start = from == null ? LocalDate.now(clock.withZone(CityClock.ZONE)) : from;
        return roster.days(start, 7);
    }

    @PutMapping("/duty/{date}")
    @PreAuthorize(OpinionRoles.DUTY)
    DutyRoster.DutyDay setDuty(
            @CurrentActor StaffMember me,
            @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @Valid @RequestBody DutyBody b) {
        return roster.set(date, b.officers(), b.leader(), me);
    }

    @GetMapping("/duty-log")
    @PreAuthorize(OpinionRoles.DUTY)
    List<DutyLog.Entry> dutyLog(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        return log.of(date);
    }

    @PostMapping("/duty-log")
    @PreAuthorize(OpinionRoles.OFFICER)
    ResponseEntity<DutyLog.Entry> writeLog(@CurrentActor StaffMember me, @Valid @RequestBody LogBody b) {
        return ResponseEntity.status(HttpStatus.CREATED).body(log.write(b.date(), b.kind(), b.text(), me));
    }

    @GetMapping("/daily-report.docx")
    @PreAuthorize(OpinionRoles.DUTY)
    ResponseEntity<byte[]> dailyReport(
            @CurrentActor StaffMember me,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        LocalDate day = date == null ? LocalDate.now(clock.withZone(CityClock.ZONE)) : date;
        byte[] docx = report.docx(day, me);
        return ResponseEntity.ok()
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(DailyReport.fileName(day), StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .contentType(MediaType.parseMediaType(DailyReport.CONTENT_TYPE))
                .body(docx);
    }
}
