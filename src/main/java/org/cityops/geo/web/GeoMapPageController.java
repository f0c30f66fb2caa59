package org.cityops.geo.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** 网格地图: the grid layer on a Leaflet map (vector only unless a tile URL is configured) and a locate form. */
@Controller
@PreAuthorize(GeoRoles.ALL_STAFF)
class GeoMapPageController {

    private final String tileUrl;
    private final double centerLat;
    private final double centerLon;
    private final int zoom;

    GeoMapPageController(@Value("${cityops.map.tile-url:}") String tileUrl,
            @Value("${cityops.map.center-lat:31.79}") double centerLat,
            @Value("${cityops.map.center-lon:119.95}") double centerLon, @Value("${cityops.map.zoom:11}") int zoom) {
        this.tileUrl = tileUrl;
        this.centerLat = centerLat;
        this.centerLon = centerLon;
        this.zoom = zoom;
    }

    @GetMapping("/geo/map")
    String map(Model model) {
        model.addAttribute("tileUrl", tileUrl == null ? "" : tileUrl.trim());
        model.addAttribute("centerLat", centerLat);
        model.addAttribute("centerLon", centerLon);
        model.addAttribute("zoom", Math.max(zoom, 14));
        return "geo/map";
    }
}
