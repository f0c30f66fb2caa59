package org.cityops.streetfront.parking.web;

import java.time.Duration;
import java.util.Map;
import org.cityops.streetfront.parking.GeofencingFeed;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/parking/zones.geojson}: the parking areas and no-parking zones in the GBFS v3.0
 * {@code geofencing_zones} shape. Public by design: it is the data the bureau publishes for the shared-bike
 * operators' apps (shapes, names, codes and rules; no counts, no people), cached for {@link GeofencingFeed#TTL_SECONDS}.
 */
@RestController
class ParkingFeedController {

    private final GeofencingFeed feed;

    ParkingFeedController(GeofencingFeed feed) {
        this.feed = feed;
    }

    @GetMapping(value = "/api/v1/parking/zones.geojson", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> zones() {
        return ResponseEntity.ok()
                .cacheControl(CacheControl.maxAge(Duration.ofSeconds(GeofencingFeed.TTL_SECONDS))
                        .cachePublic())
                .body(feed.document());
    }
}
