package org.cityops.geo.web;

import org.cityops.org.CurrentActor;
import org.cityops.org.StaffMember;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * 网格地图: the grid layer on the shared map (its base and basemap from /js/cityops-map.js) and a locate form. The map
 * opens on the caller's area (a district or street officer sees their district or street, the city otherwise).
 */
@Controller
@PreAuthorize(GeoRoles.ALL_STAFF)
class GeoMapPageController {

    @GetMapping("/geo/map")
    String map(@CurrentActor(required = false) StaffMember me, Model model) {
        String scope = me == null ? "" : me.areaPrefix();
        model.addAttribute("scope", scope == null ? "" : scope);
        return "geo/map";
    }
}
