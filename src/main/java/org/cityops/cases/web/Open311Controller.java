package org.cityops.cases.web;

import static org.cityops.cases.web.Open311Format.MAX_PAGE_SIZE;
import static org.cityops.cases.web.Open311Format.blank;
import static org.cityops.cases.web.Open311Format.date;
import static org.cityops.cases.web.Open311Format.handle;
import static org.cityops.cases.web.Open311Format.intParam;
import static org.cityops.cases.web.Open311Format.nz;
import static org.cityops.cases.web.Open311Format.split;
import static org.cityops.cases.web.Open311Format.w3c;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cityops.cases.CaseChannel;
import org.cityops.cases.internal.CaseService;
import org.cityops.cases.internal.NewCase;
import org.cityops.cases.internal.Open311Requests;
import org.cityops.cases.internal.Open311Status;
import org.cityops.cases.web.Open311Format.Doc;
import org.cityops.cases.web.Open311Format.Open311Error;
import org.cityops.catalog.Catalog;
import org.cityops.catalog.CategoryView;
import org.cityops.org.ApiClients;
import org.cityops.org.StaffMember;
import org.cityops.platform.DomainException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Open311 GeoReport v2 (public by design): discovery, services, service definitions, POST requests (api_key),
 * tokens, GET requests (plain, or FixMyStreet's extended statuses with {@code extensions=true}); XML and JSON
 * by suffix, {@code +08:00} timestamps without fractions, errors as {@code errors/error{code, description}}
 * (see {@link Open311Format}). Service codes are the catalogue's qualified codes; a service request id is the
 * case number. The updates feed is {@link Open311UpdatesController}.
 */
@RestController
@RequestMapping("/open311/v2")
class Open311Controller {

    /** When this API last changed (extensions=true, servicerequestupdates). */
    private static final String CHANGESET = "2026-11-28T00:00:00+08:00";

    private final CaseService cases;
    private final Open311Requests requests;
    private final Catalog catalog;
    private final ApiClients clients;

    Open311Controller(CaseService cases, Open311Requests requests, Catalog catalog, ApiClients clients) {
        this.cases = cases;
        this.requests = requests;
        this.catalog = catalog;
        this.clients = clients;
    }

    @GetMapping("/discovery.{fmt}")
    ResponseEntity<String> discovery(@PathVariable String fmt) {
        return handle(fmt, () -> {
            List<Object> endpoints = new ArrayList<>();
            for (String type : List.of("production", "test")) {
                Map<String, Object> e = new LinkedHashMap<>();
                e.put("specification", "http://wiki.open311.org/GeoReport_v2");
                e.put("url", "/open311/v2");
                e.put("changeset", CHANGESET);
                e.put("type", type);
                e.put("formats", List.of(Map.of("format", "text/xml"), Map.of("format", "application/json")));
                endpoints.add(Map.of("endpoint", e));
            }
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("changeset", CHANGESET);
            d.put("contact", "12319 城市管理服务热线");
            d.put("key_service", "向城市管理局申请 api_key (apply to the city-management bureau)");
            d.put("endpoints", endpoints);
            return new Doc("discovery", d, false);
        });
    }

    @GetMapping("/services.{fmt}")
    ResponseEntity<String> services(@PathVariable String fmt) {
        return handle(
                fmt,
                () -> new Doc(
                        "services",
                        catalog.activeCategories().stream()
                                .map(c -> {
                                    Map<String, Object> s = new LinkedHashMap<>();
                                    s.put("service_code", c.qualifiedCode());
                                    s.put("service_name", c.name());
                                    s.put("description", c.filingCondition() == null ? c.name() : c.filingCondition());
                                    s.put("metadata", "false");
                                    s.put("type", "realtime");
                                    s.put("keywords", c.kind().label());
                                    s.put("group", c.majorName());
                                    return (Object) Map.of("service", s);
                                })
                                .toList(),
                        true));
    }

    @GetMapping("/services/{code}.{fmt}")
    ResponseEntity<String> service(@PathVariable String code, @PathVariable String fmt) {
        return handle(fmt, () -> {
            CategoryView c = category(code);
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("service_code", c.qualifiedCode());
            d.put("attributes", List.of());
            return new Doc("service_definition", d, false);
        });
    }

    @PostMapping(
            path = "/requests.{fmt}",
            consumes = {MediaType.APPLICATION_FORM_URLENCODED_VALUE, MediaType.MULTIPART_FORM_DATA_VALUE})
    ResponseEntity<String> create(
            @PathVariable String fmt,
            @RequestParam Map<String, String> form,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        return handle(fmt, () -> {
            String client = clients.authenticate(blank(form.get("api_key")), ApiClients.Purpose.OPEN311)
                    .orElseThrow(() -> new Open311Error(HttpStatus.FORBIDDEN, "api_key 无效 invalid or missing api_key"));
            String code = blank(form.get("service_code"));
            if (code == null) {
                throw new Open311Error(HttpStatus.BAD_REQUEST, "service_code is required");
            }
            CategoryView c = category(code);
            Double lat = number(form.get("lat"), "lat");
            Double lon = number(form.get("long"), "long");
            if (lat == null || lon == null) {
                throw new Open311Error(
                        HttpStatus.BAD_REQUEST,
                        blank(form.get("address_string")) != null
                                ? "lat and long are required: this endpoint does not geocode address_string"
                                : "a location (lat and long) is required");
            }
            String description = blank(form.get("description"));
            if (description == null) {
                description = c.name();
            }
            String media = blank(form.get("media_url"));
            if (media != null) {
                description = description + "\nmedia_url: " + media;
            }
            String name = String.join(" ", nz(form.get("first_name")), nz(form.get("last_name")))
                    .strip();
            String key = idempotencyKey != null
                    ? idempotencyKey
                    : blank(form.get("device_id")) != null && blank(form.get("token")) != null
                            ? form.get("device_id") + ":" + form.get("token")
                            : null;
            CaseService.Intake intake;
            try {
                intake = cases.intake(
                        new NewCase(
                                CaseChannel.OPEN311,
                                c.qualifiedCode(),
                                description,
                                lat,
                                lon,
                                blank(form.get("address_string")),
                                null,
                                name.isEmpty() ? null : name,
                                blank(form.get("phone"))),
                        StaffMember.publicReporter("open311:" + client),
                        key,
                        null,
                        null);
            } catch (DomainException e) {
                throw new Open311Error(HttpStatus.BAD_REQUEST, e.getMessage());
            }
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("service_request_id", intake.caseNumber());
            r.put("service_notice", "12319 已受理 received");
            r.put("account_id", blank(form.get("account_id")));
            return new Doc("service_requests", List.of(Map.of("request", r)), true);
        });
    }

    @GetMapping("/tokens/{token}.{fmt}")
    ResponseEntity<String> token(@PathVariable String token, @PathVariable String fmt) {
        return handle(fmt, () -> {
            var found = requests.find(List.of(token), null, null, null, null, 0, 1);
            if (found.isEmpty()) {
                throw new Open311Error(HttpStatus.NOT_FOUND, "unknown token");
            }
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("service_request_id", found.get(0).serviceRequestId());
            r.put("token", token);
            return new Doc("service_requests", List.of(Map.of("request", r)), true);
        });
    }

    @GetMapping("/requests.{fmt}")
    ResponseEntity<String> list(
            @PathVariable String fmt,
            @RequestParam(name = "service_request_id", required = false) String ids,
            @RequestParam(name = "service_code", required = false) String codes,
            @RequestParam(name = "start_date", required = false) String start,
            @RequestParam(name = "end_date", required = false) String end,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String page,
            @RequestParam(name = "page_size", required = false) String pageSize,
            @RequestParam(required = false) String extensions) {
        return handle(fmt, () -> {
            boolean extended = extended(extensions);
            Instant s = date(start, "start_date");
            Instant e = date(end, "end_date");
            if (s != null && e != null && e.isBefore(s)) {
                throw new Open311Error(HttpStatus.BAD_REQUEST, "end_date is before start_date");
            }
            Boolean open = null;
            if (blank(status) != null) {
                List<String> st = split(status);
                boolean o = st.contains("open");
                boolean c = st.contains("closed");
                if (!o && !c) {
                    throw new Open311Error(HttpStatus.BAD_REQUEST, "status must be open and/or closed");
                }
                open = o && c ? null : o;
            }
            int p = intParam(page, 1, "page");
            int size = Math.min(MAX_PAGE_SIZE, intParam(pageSize, 50, "page_size"));
            var found = requests.find(split(ids), split(codes), s, e, open, p - 1, size);
            return new Doc(
                    "service_requests",
                    found.stream().map(q -> request(q, extended)).toList(),
                    true);
        });
    }

    @GetMapping("/requests/{id}.{fmt}")
    ResponseEntity<String> one(
            @PathVariable String id, @PathVariable String fmt, @RequestParam(required = false) String extensions) {
        return handle(fmt, () -> {
            boolean extended = extended(extensions);
            var found = requests.find(List.of(id), null, null, null, null, 0, 1);
            if (found.isEmpty()) {
                throw new Open311Error(HttpStatus.NOT_FOUND, "unknown service_request_id");
            }
            return new Doc("service_requests", List.of(request(found.get(0), extended)), true);
        });
    }

    /** {@code extensions=true}: FixMyStreet's extended status and {@code extended_attributes}; else plain v2. */
    private static boolean extended(String extensions) {
        String v = blank(extensions);
        if (v == null || "false".equalsIgnoreCase(v)) {
            return false;
        }
        if (!"true".equalsIgnoreCase(v)) {
            throw new Open311Error(HttpStatus.BAD_REQUEST, "extensions must be true or false");
        }
        return true;
    }

    private Object request(Open311Requests.Request q, boolean extended) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("service_request_id", q.serviceRequestId());
        r.put("status", extended ? Open311Status.extended(q.status()) : q.open() ? "open" : "closed");
        r.put("status_notes", q.statusNotes());
        r.put("service_name", q.serviceName());
        r.put("service_code", q.serviceCode());
        r.put("description", q.description());
        r.put("agency_responsible", q.agencyResponsible());
        r.put("service_notice", null);
        r.put("requested_datetime", w3c(q.requested()));
        r.put("updated_datetime", w3c(q.updated()));
        r.put("expected_datetime", w3c(q.expected()));
        r.put("address", q.address());
        r.put("address_id", null);
        r.put("zipcode", null);
        r.put("lat", String.valueOf(q.lat()));
        r.put("long", String.valueOf(q.lon()));
        r.put("media_url", null);
        if (extended) {
            r.put("extended_attributes", extendedAttributes(q));
        }
        return Map.of("request", r);
    }

    /** Public fields only: never the reporter, staff names or notes. */
    private static Map<String, Object> extendedAttributes(Open311Requests.Request q) {
        Map<String, Object> x = new LinkedHashMap<>();
        x.put("case_number", q.serviceRequestId());
        x.put("detailed_status", q.status().name());
        x.put("detailed_status_label", q.status().label());
        x.put("plain_status", q.open() ? "open" : "closed");
        x.put("district", q.districtName());
        x.put("street", q.streetName());
        x.put("duplicate", String.valueOf(q.mergedInto() != null));
        x.put("parent_service_request_id", q.mergedInto());
        return x;
    }

    private CategoryView category(String code) {
        return catalog.resolve(code)
                .filter(CategoryView::active)
                .orElseThrow(() -> new Open311Error(HttpStatus.NOT_FOUND, "unknown service_code '" + code + "'"));
    }

    private static Double number(String value, String field) {
        if (blank(value) == null) {
            return null;
        }
        try {
            return Double.valueOf(value.strip());
        } catch (NumberFormatException e) {
            throw new Open311Error(HttpStatus.BAD_REQUEST, field + " must be a number");
        }
    }
}
