package org.cityops.muck.web;

import jakarta.validation.Valid;
import java.util.List;
import org.cityops.muck.registry.Permits;
import org.cityops.muck.registry.RegistryModel.Permit;
import org.cityops.muck.registry.RegistryModel.PermitRequest;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Permits (处置核准): vehicles, source site → disposal site, route, dates and daily window. */
@RestController
@Validated
@RequestMapping("/api/v1/muck/permits")
@PreAuthorize("hasAnyRole('ADMIN','MUCK_SUPERVISOR')")
class PermitApiController {

    private final Permits permits;

    PermitApiController(Permits permits) {
        this.permits = permits;
    }

    @PreAuthorize(MuckRoles.READERS)
    @GetMapping
    List<Permit> permits(
            @CurrentActor StaffMember me,
            @RequestParam(required = false) Long siteId,
            @RequestParam(required = false) Long vehicleId) {
        return permits.permits(me, siteId, vehicleId);
    }

    @GetMapping("/{id}")
    Permit permit(@CurrentActor StaffMember me, @PathVariable long id) {
        return permits.permit(me, id);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Permit createPermit(@CurrentActor StaffMember me, @Valid @RequestBody PermitRequest r) {
        return permits.createPermit(me, r);
    }

    @PutMapping("/{id}")
    Permit updatePermit(@CurrentActor StaffMember me, @PathVariable long id, @Valid @RequestBody PermitRequest r) {
        return permits.updatePermit(me, id, r);
    }
}
