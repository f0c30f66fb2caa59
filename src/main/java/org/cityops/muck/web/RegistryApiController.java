package org.cityops.muck.web;

import java.util.List;

import org.cityops.muck.registry.Expiries;
import org.cityops.muck.registry.MuckRegistry;
import org.cityops.muck.registry.RegistryModel.ExpiringList;
import org.cityops.muck.registry.RegistryModel.Zone;
import org.cityops.muck.registry.RegistryModel.ZoneRequest;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** The construction-waste registry API (登记备案): zones, and what expires soon. */
@RestController
@Validated
@RequestMapping("/api/v1/muck")
@PreAuthorize("hasAnyRole('ADMIN','MUCK_SUPERVISOR')")
class RegistryApiController {

    private final MuckRegistry registry;
    private final Expiries expiries;

    RegistryApiController(MuckRegistry registry, Expiries expiries) {
        this.registry = registry;
        this.expiries = expiries;
    }

    /** 即将到期: qualifications, permits and driving licences lapsing within {@code days} days or already lapsed. */
    @GetMapping("/expiring")
    ExpiringList expiring(@RequestParam(defaultValue = "30") @Min(1) @Max(365) int days) {
        return expiries.within(days);
    }

    @GetMapping("/zones")
    List<Zone> zones() {
        return registry.zones();
    }

    @GetMapping("/zones/{id}")
    Zone zone(@PathVariable long id) {
        return registry.zone(id);
    }

    @PostMapping("/zones")
    @ResponseStatus(HttpStatus.CREATED)
    Zone createZone(@Valid @RequestBody ZoneRequest r) {
        return registry.createZone(r);
    }

    @PutMapping("/zones/{id}")
    Zone updateZone(@PathVariable long id, @Valid @RequestBody ZoneRequest r) {
        return registry.updateZone(id, r);
    }
}
