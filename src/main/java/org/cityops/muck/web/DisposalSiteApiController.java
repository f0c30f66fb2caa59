package org.cityops.muck.web;

import jakarta.validation.Valid;
import java.util.List;
import org.cityops.muck.registry.DisposalSites;
import org.cityops.muck.registry.RegistryModel.DisposalSite;
import org.cityops.muck.registry.RegistryModel.DisposalSiteRequest;
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

/** Disposal sites (消纳场). */
@RestController
@Validated
@RequestMapping("/api/v1/muck/disposal-sites")
@PreAuthorize("hasAnyRole('ADMIN','MUCK_SUPERVISOR')")
class DisposalSiteApiController {

    private final DisposalSites disposalSites;

    DisposalSiteApiController(DisposalSites disposalSites) {
        this.disposalSites = disposalSites;
    }

    @PreAuthorize(MuckRoles.READERS)
    @GetMapping
    List<DisposalSite> disposalSites(@CurrentActor StaffMember me) {
        return disposalSites.disposalSites(me);
    }

    @GetMapping("/{id}")
    DisposalSite disposalSite(@CurrentActor StaffMember me, @PathVariable long id) {
        return disposalSites.disposalSite(me, id);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    DisposalSite createDisposalSite(@CurrentActor StaffMember me, @Valid @RequestBody DisposalSiteRequest r) {
        return disposalSites.createDisposalSite(me, r);
    }

    @PutMapping("/{id}")
    DisposalSite updateDisposalSite(
            @CurrentActor StaffMember me, @PathVariable long id, @Valid @RequestBody DisposalSiteRequest r) {
        return disposalSites.updateDisposalSite(me, id, r);
    }
}
