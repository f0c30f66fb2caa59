package org.cityops.cases.web;

import static org.cityops.cases.web.Open311Format.MAX_PAGE_SIZE;
import static org.cityops.cases.web.Open311Format.blank;
import static org.cityops.cases.web.Open311Format.date;
import static org.cityops.cases.web.Open311Format.handle;
import static org.cityops.cases.web.Open311Format.intParam;
import static org.cityops.cases.web.Open311Format.w3c;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.cityops.cases.internal.Open311Updates;
import org.cityops.cases.web.Open311Format.Doc;
import org.cityops.cases.web.Open311Format.Open311Error;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * FixMyStreet's {@code GET servicerequestupdates.{xml,json}} (public, no api_key needed): one update per step
 * that changed a case's status, oldest first, public text only; and the handling photos its {@code media_url}s
 * point at.
 */
@RestController
@RequestMapping("/open311/v2")
class Open311UpdatesController {

    /** The spec's default (and, here, longest) window. */
    static final Duration WINDOW = Duration.ofDays(90);

    private final Open311Updates updates;
    private final Clock clock;

    Open311UpdatesController(Open311Updates updates, Clock clock) {
        this.updates = updates;
        this.clock = clock;
    }

    @GetMapping("/servicerequestupdates.{fmt}")
    ResponseEntity<String> list(
            @PathVariable String fmt,
            @RequestParam(name = "service_request_id", required = false) String id,
            @RequestParam(name = "start_date", required = false) String start,
            @RequestParam(name = "end_date", required = false) String end,
            @RequestParam(required = false) String page,
            @RequestParam(name = "page_size", required = false) String pageSize) {
        return handle(fmt, () -> {
            Instant s = date(start, "start_date");
            Instant e = date(end, "end_date");
            String request = blank(id);
            if (s != null && e != null) {
                if (e.isBefore(s)) {
                    throw new Open311Error(HttpStatus.BAD_REQUEST, "end_date is before start_date");
                }
                if (Duration.between(s, e).compareTo(WINDOW) > 0) {
                    throw new Open311Error(HttpStatus.BAD_REQUEST, "start_date to end_date spans more than 90 days");
                }
            } else if (s != null) {
                e = s.plus(WINDOW);
            } else if (e != null) {
                s = e.minus(WINDOW);
            } else if (request == null) {
                e = clock.instant();
                s = e.minus(WINDOW);
            }
            int p = intParam(page, 1, "page");
            int size = Math.min(MAX_PAGE_SIZE, intParam(pageSize, 50, "page_size"));
            if (request != null && !updates.exists(request)) {
                throw new Open311Error(HttpStatus.NOT_FOUND, "unknown service_request_id");
            }
            String base = ServletUriComponentsBuilder.fromCurrentContextPath()
                    .path("/open311/v2/media/")
                    .toUriString();
            return new Doc(
                    "service_request_updates",
                    updates.find(request, s, e, p - 1, size).stream()
                            .map(u -> (Object) Map.of("request_update", update(u, base)))
                            .toList(),
                    true);
        });
    }

    private static Map<String, Object> update(Open311Updates.Update u, String mediaBase) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("update_id", String.valueOf(u.updateId()));
        r.put("service_request_id", u.serviceRequestId());
        r.put("status", u.extendedStatus());
        r.put("updated_datetime", w3c(u.at()));
        r.put("description", u.description());
        r.put("media_url", u.photoId() == null ? null : mediaBase + u.serviceRequestId() + "/" + u.photoId());
        return r;
    }

    /** A handling photo named by an update's {@code media_url}; 404 for anything else. */
    @GetMapping("/media/{id}/{photo}")
    ResponseEntity<byte[]> media(@PathVariable String id, @PathVariable String photo) {
        long photoId;
        try {
            photoId = Long.parseLong(photo);
        } catch (NumberFormatException e) {
            return ResponseEntity.notFound().build();
        }
        return updates.handlingPhoto(id, photoId)
                .map(m -> ResponseEntity.ok()
                        .contentType(MediaType.parseMediaType(m.contentType()))
                        .header("Cache-Control", "public, max-age=86400")
                        .body(m.data()))
                .orElseGet(() -> ResponseEntity.notFound().build());
    }
}
