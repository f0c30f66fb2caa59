package org.cityops.muck.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.cityops.muck.registry.Expiries;
import org.cityops.muck.registry.RegistryModel.ExpiringList;
import org.cityops.org.CurrentActor;
import org.cityops.org.StaffMember;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** 即将到期 (expiring soon) across the registry: company qualifications, permits and driving licences. */
@RestController
@Validated
@RequestMapping("/api/v1/muck")
@PreAuthorize("hasAnyRole('ADMIN','MUCK_SUPERVISOR')")
class ExpiringApiController {

    private final Expiries expiries;

    ExpiringApiController(Expiries expiries) {
        this.expiries = expiries;
    }

    /** 即将到期: qualifications, permits and driving licences lapsing within {@code days} days or already lapsed. */
    @GetMapping("/expiring")
    ExpiringList expiring(@CurrentActor StaffMember me, @RequestParam(defaultValue = "30") @Min(1) @Max(365) int days) {
        return expiries.within(me, days);
    }
}
