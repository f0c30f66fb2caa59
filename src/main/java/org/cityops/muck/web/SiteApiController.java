package org.cityops.muck.web;

import jakarta.validation.Valid;
import java.util.List;
import org.cityops.muck.registry.RegistryModel.Site;
import org.cityops.muck.registry.RegistryModel.SiteRecord;
import org.cityops.muck.registry.RegistryModel.SiteRecordRequest;
import org.cityops.muck.registry.RegistryModel.SiteRequest;
import org.cityops.muck.registry.Sites;
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

/** Construction sites (出土工地) and their file (一工地一档案). */
@RestController
@Validated
@RequestMapping("/api/v1/muck/sites")
@PreAuthorize("hasAnyRole('ADMIN','MUCK_SUPERVISOR')")
class SiteApiController {

    private final Sites sites;

    SiteApiController(Sites sites) {
        this.sites = sites;
    }

    @PreAuthorize(MuckRoles.READERS)
    @GetMapping
    List<Site> sites(@CurrentActor StaffMember me) {
        return sites.sites(me);
    }

    @GetMapping("/{id}")
    Site site(@CurrentActor StaffMember me, @PathVariable long id) {
        return sites.site(me, id);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Site createSite(@CurrentActor StaffMember me, @Valid @RequestBody SiteRequest r) {
        return sites.createSite(me, r);
    }

    @PutMapping("/{id}")
    Site updateSite(@CurrentActor StaffMember me, @PathVariable long id, @Valid @RequestBody SiteRequest r) {
        return sites.updateSite(me, id, r);
    }

    @GetMapping("/{id}/records")
    List<SiteRecord> siteRecords(@CurrentActor StaffMember me, @PathVariable long id) {
        return sites.siteRecords(me, id);
    }

    @PostMapping("/{id}/records")
    @ResponseStatus(HttpStatus.CREATED)
    SiteRecord addSiteRecord(
            @CurrentActor StaffMember me, @PathVariable long id, @Valid @RequestBody SiteRecordRequest r) {
        return sites.addSiteRecord(me, id, r);
    }
}
