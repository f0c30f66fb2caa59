package org.cityops.muck.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** The map settings (tile server, centre, zoom) that every page of the muck console draws its Leaflet map with. */
@ControllerAdvice(assignableTypes = {MuckPageController.class, RegistryPageController.class})
class MuckMapModel {

    private final String tileUrl;
    private final double centerLat;
    private final double centerLon;
    private final int zoom;

    MuckMapModel(
            @Value("${cityops.map.tile-url:}") String tileUrl,
            @Value("${cityops.map.center-lat:31.79}") double centerLat,
            @Value("${cityops.map.center-lon:119.95}") double centerLon,
            @Value("${cityops.map.zoom:11}") int zoom) {
        this.tileUrl = tileUrl;
        this.centerLat = centerLat;
        this.centerLon = centerLon;
        this.zoom = zoom;
    }

    @ModelAttribute
    void map(Model model) {
        model.addAttribute("tileUrl", tileUrl);
        model.addAttribute("centerLat", centerLat);
        model.addAttribute("centerLon", centerLon);
        model.addAttribute("zoom", zoom);
    }
}
