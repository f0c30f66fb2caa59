package org.cityops.wastestream.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import org.cityops.org.CurrentActor;
import org.cityops.org.StaffMember;
import org.cityops.platform.CityClock;
import org.cityops.wastestream.balance.Balances;
import org.cityops.wastestream.balance.TripDetail;
import org.cityops.wastestream.balance.TripDetails;
import org.cityops.wastestream.ledger.Producers;
import org.cityops.wastestream.report.WasteMonthlyReports;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The supervision page of a day: 签约收集率, 日产日清率, trips with their balance, 漏收. */
@Controller
@PreAuthorize("hasAnyRole('ADMIN','SANITATION_SUPERVISOR','LEADER')")
class WastePageController {

    private final Producers producers;
    private final Balances balances;
    private final TripDetails trips;
    private final WasteMonthlyReports reports;
    private final Clock clock;

    WastePageController(
            Producers producers, Balances balances, TripDetails trips, WasteMonthlyReports reports, Clock clock) {
        this.producers = producers;
        this.balances = balances;
        this.trips = trips;
        this.reports = reports;
        this.clock = clock;
    }

    @GetMapping("/wastestream")
    String day(
            @CurrentActor StaffMember me,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
            Model model) {
        LocalDate d = day != null
                ? day
                : LocalDate.ofInstant(clock.instant(), CityClock.ZONE).minusDays(1);
        model.addAttribute("day", d);
        model.addAttribute("signing", producers.signingRates(d, me));
        model.addAttribute("clearance", balances.clearance(d, me));
        model.addAttribute("trips", balances.trips(d, me));
        model.addAttribute("missed", balances.missed(d, me));
        model.addAttribute("far", balances.farPickups(d, me));
        return "wastestream/day";
    }

    /** One trip: its weighbridge receipt, its pickups, the gap. */
    @GetMapping("/wastestream/trip")
    String trip(@CurrentActor StaffMember me, @RequestParam String receipt, Model model) {
        TripDetail d = trips.detail(receipt, me);
        model.addAttribute("d", d);
        model.addAttribute("day", LocalDate.ofInstant(d.receipt().inAt(), CityClock.ZONE));
        return "wastestream/trip";
    }

    /** Producers on the map, coloured by their last collection. */
    @GetMapping("/wastestream/map")
    String map(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day, Model model) {
        model.addAttribute("day", day != null ? day : LocalDate.ofInstant(clock.instant(), CityClock.ZONE));
        return "wastestream/map";
    }

    /** The month: districts (收运量, 日产日清率), trip balance counts, the flagged trips; exports and the .docx. */
    @GetMapping("/wastestream/month")
    String month(@CurrentActor StaffMember me, @RequestParam(required = false) YearMonth month, Model model) {
        YearMonth m = month != null ? month : YearMonth.from(LocalDate.ofInstant(clock.instant(), CityClock.ZONE));
        model.addAttribute("r", reports.month(m, me));
        model.addAttribute("month", m);
        return "wastestream/month";
    }
}
