package org.cityops.sanitation.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cityops.org.CurrentActor;
import org.cityops.org.Role;
import org.cityops.org.StaffMember;
import org.cityops.sanitation.attendance.AttendanceSheet;
import org.cityops.sanitation.attendance.SheetRow;
import org.cityops.sanitation.attendance.SheetStatus;
import org.cityops.sanitation.report.CoverageReport;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Page: the daily attendance sheet of sanitation workers (作业人员考勤表) with the day's 离岗 alerts. */
@Controller
@PreAuthorize("hasAnyRole('ADMIN','SANITATION_SUPERVISOR','LEADER')")
class AttendancePageController {

    private final AttendanceSheet attendance;
    private final Clock clock;

    AttendancePageController(AttendanceSheet attendance, Clock clock) {
        this.attendance = attendance;
        this.clock = clock;
    }

    @GetMapping("/sanitation/attendance")
    String sheet(
            @CurrentActor StaffMember me,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
            Model model) {
        LocalDate d = day == null ? CoverageReport.today(clock) : day;
        List<SheetRow> rows = attendance.sheet(d, me);
        Map<SheetStatus, Long> counts = new LinkedHashMap<>();
        for (SheetStatus s : SheetStatus.values()) {
            counts.put(s, rows.stream().filter(r -> r.status() == s).count());
        }
        long shiftMinutes = rows.stream().mapToLong(SheetRow::shiftMinutes).sum();
        long onPost = rows.stream().mapToLong(SheetRow::onPostMinutes).sum();
        model.addAttribute("day", d);
        model.addAttribute("canEdit", me.hasAny(Role.ADMIN, Role.SANITATION_SUPERVISOR));
        model.addAttribute("rows", rows);
        model.addAttribute("counts", counts);
        model.addAttribute("rate", shiftMinutes == 0 ? null : Math.round(onPost * 1000.0 / shiftMinutes) / 10.0);
        model.addAttribute("alerts", attendance.alerts(rows));
        return "sanitation/attendance";
    }
}
