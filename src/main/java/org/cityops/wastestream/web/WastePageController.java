package org.cityops.wastestream.web;

import java.time.Clock;
import java.time.LocalDate;
import org.cityops.org.CurrentActor;
import org.cityops.org.StaffMember;
import org.cityops.platform.CityClock;
import org.cityops.wastestream.balance.Balances;
import org.cityops.wastestream.ledger.Producers;
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
    private final Clock clock;

    WastePageController(Producers producers, Balances balances, Clock clock) {
        this.producers = producers;
        this.balances = balances;
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
}
