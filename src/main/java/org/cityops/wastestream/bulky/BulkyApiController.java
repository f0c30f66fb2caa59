package org.cityops.wastestream.bulky;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.cityops.org.CurrentActor;
import org.cityops.org.StaffMember;
import org.cityops.platform.excel.XlsxDownload;
import org.springframework.format.annotation.DateTimeFormat;
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

/** 大件垃圾 staff API: centres, bookings (phones masked), scheduling, intake weighing, daily throughput. */
@RestController
@RequestMapping("/api/v1/wastestream/bulky")
@PreAuthorize("hasAnyRole('ADMIN','SANITATION_SUPERVISOR','LEADER')")
class BulkyApiController {

    static final String WRITERS = "hasAnyRole('ADMIN','SANITATION_SUPERVISOR')";

    private final BulkyWaste bulky;

    BulkyApiController(BulkyWaste bulky) {
        this.bulky = bulky;
    }

    @GetMapping("/centres")
    List<Centre> centres(@CurrentActor StaffMember me) {
        return bulky.centres(me);
    }

    @PostMapping("/centres")
    @PreAuthorize(WRITERS)
    ResponseEntity<Centre> createCentre(@CurrentActor StaffMember me, @RequestBody BulkyWaste.CentreDraft d) {
        return ResponseEntity.status(HttpStatus.CREATED).body(bulky.createCentre(d, me));
    }

    @GetMapping("/bookings")
    List<Booking> bookings(
            @CurrentActor StaffMember me,
            @RequestParam(required = false) Long centreId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day) {
        return bulky.bookings(centreId, day, me);
    }

    record ScheduleRequest(String crew) {}

    @PostMapping("/bookings/{id}/schedule")
    @PreAuthorize(WRITERS)
    Booking schedule(@CurrentActor StaffMember me, @PathVariable long id, @RequestBody ScheduleRequest r) {
        return bulky.schedule(id, r.crew(), me);
    }

    record IntakeRequest(Long centreId, String area, BigDecimal netKg, LocalDate day, String bookingCode) {}

    record IntakeCreated(long id) {}

    @PostMapping("/intakes")
    @PreAuthorize(WRITERS)
    ResponseEntity<IntakeCreated> weigh(@CurrentActor StaffMember me, @RequestBody IntakeRequest r) {
        if (r.centreId() == null) {
            throw new org.cityops.platform.InvalidInputException("请选择分拣中心 choose a centre", "centreId");
        }
        long id = bulky.weigh(r.centreId(), r.area(), r.netKg(), r.day(), r.bookingCode(), me);
        return ResponseEntity.status(HttpStatus.CREATED).body(new IntakeCreated(id));
    }

    @GetMapping("/throughput")
    List<Throughput> throughput(
            @CurrentActor StaffMember me,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return bulky.throughput(from, to, me);
    }

    @GetMapping("/throughput/export")
    ResponseEntity<byte[]> throughputXlsx(
            @CurrentActor StaffMember me,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return XlsxDownload.download("大件垃圾日处理量.xlsx", bulky.throughputXlsx(bulky.throughput(from, to, me)));
    }
}
