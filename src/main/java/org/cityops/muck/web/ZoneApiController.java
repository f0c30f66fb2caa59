package org.cityops.muck.web;

import jakarta.validation.Valid;
import java.util.List;
import org.cityops.muck.registry.RegistryModel.Zone;
import org.cityops.muck.registry.RegistryModel.ZoneRequest;
import org.cityops.muck.registry.Zones;
import org.cityops.org.CurrentActor;
import org.cityops.org.StaffMember;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** No-go zones (禁行区) and speed zones (限速区). */
@RestController
@Validated
@RequestMapping("/api/v1/muck/zones")
@PreAuthorize("hasAnyRole('ADMIN','MUCK_SUPERVISOR')")
class ZoneApiController {

    private final Zones zones;

    ZoneApiController(Zones zones) {
        this.zones = zones;
    }

    @PreAuthorize(MuckRoles.READERS)
    @GetMapping
    List<Zone> zones(@CurrentActor StaffMember me) {
        return zones.zones(me);
    }

    @GetMapping("/{id}")
    Zone zone(@CurrentActor StaffMember me, @PathVariable long id) {
        return zones.zone(me, id);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Zone createZone(@CurrentActor StaffMember me, @Valid @RequestBody ZoneRequest r) {
        return zones.createZone(me, r);
    }

    @PutMapping("/{id}")
    Zone updateZone(@CurrentActor StaffMember me, @PathVariable long id, @Valid @RequestBody ZoneRequest r) {
        return zones.updateZone(me, id, r);
    }
}
