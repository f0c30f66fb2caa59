package org.cityops.catalog.web;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.cityops.catalog.internal.calendar.CachedWorkingCalendar;
import org.cityops.catalog.internal.calendar.CalendarAdmin;
import org.cityops.catalog.internal.calendar.CalendarCoverage;
import org.cityops.catalog.internal.calendar.HolidayNotice;
import org.cityops.catalog.internal.excel.HolidayWorkbook;
import org.cityops.platform.CityClock;
import org.cityops.platform.InvalidInputException;
import org.cityops.platform.excel.WorkbookWriter;
import org.cityops.platform.web.ApiProblemHandler;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
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
import org.springframework.web.multipart.MultipartFile;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * A year's holidays and 调休 days as the State Council General Office's notice lists them: read as rows, replaced
 * from the page's table (JSON), a JSON file or a workbook; the coverage check (years still without holidays).
 */
@RestController
@RequestMapping("/api/v1/catalog/calendar")
@PreAuthorize(Roles.ALL_STAFF)
class HolidayNoticeController {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final CachedWorkingCalendar calendar;
    private final CalendarAdmin admin;
    private final Clock clock;

    HolidayNoticeController(CachedWorkingCalendar calendar, CalendarAdmin admin, Clock clock) {
        this.calendar = calendar;
        this.admin = admin;
        this.clock = clock;
    }

    record Coverage(LocalDate today, List<Integer> neededYears, List<Integer> missingYears, String warning) {}

    /** Which years need holidays by today (from 1 November, next year too) and which still have none. */
    @GetMapping("/coverage")
    Coverage coverage() {
        return coverage(calendar, clock);
    }

    static Coverage coverage(CachedWorkingCalendar calendar, Clock clock) {
        LocalDate today = LocalDate.now(clock.withZone(CityClock.ZONE));
        List<Integer> missing = CalendarCoverage.missingYears(calendar.rules().yearsWithHolidays(), today);
        return new Coverage(today, CalendarCoverage.neededYears(today), missing, CalendarCoverage.warning(missing));
    }

    /** One festival: days off {@code from}–{@code to} (to optional for one day) and the weekend days worked. */
    record HolidayRow(String name, String from, String to, List<String> workdays) {}

    /** The documented JSON form of a notice (also the format of an uploaded .json file). */
    record NoticeRequest(Integer year, String source, List<HolidayRow> holidays) {}

    @GetMapping("/years/{year:\\d{4}}/notice")
    NoticeRequest notice(@PathVariable int year) {
        CalendarAdmin.checkYear(year);
        HolidayNotice n = HolidayNotice.of(year, calendar.rules());
        return new NoticeRequest(
                year,
                null,
                n.entries().stream()
                        .map(e -> new HolidayRow(
                                e.name(),
                                e.from().toString(),
                                e.end().toString(),
                                e.workdays().stream().map(LocalDate::toString).toList()))
                        .toList());
    }

    /** Replaces the year's holidays and 调休 days; 400 with {@code errors} (row, field, message) and nothing changed. */
    @PutMapping(path = "/years/{year:\\d{4}}/notice", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize(Roles.ADMIN)
    ResponseEntity<Object> replace(@PathVariable int year, @RequestBody NoticeRequest body) {
        return apply(year, body);
    }

    @GetMapping("/years/{year:\\d{4}}/notice.xlsx")
    ResponseEntity<byte[]> workbook(@PathVariable int year) {
        CalendarAdmin.checkYear(year);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(WorkbookWriter.CONTENT_TYPE))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"holidays-" + year + ".xlsx\"")
                .body(HolidayWorkbook.write(HolidayNotice.of(year, calendar.rules())));
    }

    /** Imports an .xlsx workbook (see the template) or a .json file in the form of {@link NoticeRequest}. */
    @PostMapping(path = "/years/{year:\\d{4}}/notice", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize(Roles.ADMIN)
    ResponseEntity<Object> upload(
            @PathVariable int year, @RequestParam(value = "file", required = false) MultipartFile file) {
        CalendarAdmin.checkYear(year);
        if (file == null || file.isEmpty()) {
            throw new InvalidInputException("请选择文件 no file uploaded", "file");
        }
        try (InputStream in = file.getInputStream()) {
            byte[] head = in.readNBytes(1 << 20);
            if (looksLikeJson(head, file.getOriginalFilename())) {
                if (file.getSize() > head.length) {
                    throw new InvalidInputException("JSON 文件过大（最多 1 MB） JSON file larger than 1 MB", "file");
                }
                NoticeRequest body;
                try {
                    body = JSON.readValue(head, NoticeRequest.class);
                } catch (JacksonException e) {
                    throw new InvalidInputException("JSON 格式不正确 not a JSON notice: " + e.getOriginalMessage(), "file");
                }
                return apply(year, body == null ? new NoticeRequest(year, null, List.of()) : body);
            }
            InputStream all = new java.io.SequenceInputStream(new java.io.ByteArrayInputStream(head), in);
            HolidayNotice.Parsed parsed = HolidayWorkbook.read(year, all);
            return answer(
                    parsed.problems().isEmpty()
                            ? admin.applyNotice(parsed.notice())
                            : new CalendarAdmin.NoticeResult(false, year, 0, 0, parsed.problems()));
        } catch (IOException e) {
            throw new InvalidInputException("无法读取上传文件 cannot read the upload", "file");
        }
    }

    private static boolean looksLikeJson(byte[] head, String filename) {
        if (filename != null && filename.toLowerCase(java.util.Locale.ROOT).endsWith(".json")) {
            return true;
        }
        for (byte b : head) {
            if (b == '{') {
                return true;
            }
            if (!Character.isWhitespace(b) && b != (byte) 0xEF && b != (byte) 0xBB && b != (byte) 0xBF) {
                return false;
            }
        }
        return false;
    }

    private ResponseEntity<Object> apply(int year, NoticeRequest body) {
        CalendarAdmin.checkYear(year);
        if (body.year() != null && body.year() != year) {
            throw new InvalidInputException(
                    "文件中的年份 " + body.year() + " 与所选年份 " + year + " 不一致 the notice is for " + body.year() + ", not "
                            + year,
                    "year");
        }
        List<HolidayNotice.RawEntry> raw = new ArrayList<>();
        List<HolidayRow> rows = body.holidays() == null ? List.of() : body.holidays();
        if (rows.size() > 100) {
            throw new InvalidInputException("节日行数过多（最多 100 行） more than 100 rows", "holidays");
        }
        for (int i = 0; i < rows.size(); i++) {
            HolidayRow r = rows.get(i);
            raw.add(
                    r == null
                            ? new HolidayNotice.RawEntry(i + 1, null, null, null, List.of())
                            : new HolidayNotice.RawEntry(
                                    i + 1,
                                    r.name(),
                                    r.from(),
                                    r.to(),
                                    r.workdays() == null ? List.of() : r.workdays()));
        }
        HolidayNotice.Parsed parsed = HolidayNotice.parse(year, body.source(), raw);
        return answer(
                parsed.problems().isEmpty()
                        ? admin.applyNotice(parsed.notice())
                        : new CalendarAdmin.NoticeResult(false, year, 0, 0, parsed.problems()));
    }

    /** 200 with the counts, or 400 problem details naming the first bad row, with every problem in {@code errors}. */
    static ResponseEntity<Object> answer(CalendarAdmin.NoticeResult result) {
        if (result.applied()) {
            return ResponseEntity.ok(result);
        }
        HolidayNotice.Problem first = result.problems().get(0);
        ProblemDetail pd = ApiProblemHandler.problem(
                HttpStatus.BAD_REQUEST,
                "未做任何修改 nothing was changed: "
                        + first.message()
                        + (result.problems().size() > 1
                                ? "（共 " + result.problems().size() + " 处错误 "
                                        + result.problems().size() + " problems）"
                                : ""),
                first.field());
        pd.setProperty("errors", result.problems());
        return ResponseEntity.badRequest()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(pd);
    }
}
