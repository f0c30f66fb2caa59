package org.cityops.cases.web;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.cityops.cases.CaseChannel;
import org.cityops.cases.internal.CaseService;
import org.cityops.cases.internal.NewCase;
import org.cityops.cases.internal.Open311Requests;
import org.cityops.cases.internal.Performer;
import org.cityops.catalog.Catalog;
import org.cityops.catalog.CategoryView;
import org.cityops.org.ApiClients;
import org.cityops.platform.CityClock;
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

import tools.jackson.databind.json.JsonMapper;

/**
 * Open311 GeoReport v2 (public by design): discovery, services, service definitions, POST requests (api_key),
 * tokens, GET requests; XML and JSON by suffix, {@code +08:00} timestamps without fractions, errors as
 * {@code errors/error{code, description}}. Service codes are the catalogue's qualified codes; a service
 * request id is the case number.
 */
@RestController
@RequestMapping("/open311/v2")
class Open311Controller {

    private static final DateTimeFormatter W3C = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");
    private static final MediaType XML = MediaType.parseMediaType("text/xml; charset=utf-8");
    private static final MediaType JSON = MediaType.parseMediaType("application/json; charset=utf-8");
    private static final int MAX_PAGE_SIZE = 500;

    private final CaseService cases;
    private final Open311Requests requests;
    private final Catalog catalog;
    private final ApiClients clients;
    private final JsonMapper json = JsonMapper.builder().build();

    Open311Controller(CaseService cases, Open311Requests requests, Catalog catalog, ApiClients clients) {
        this.cases = cases;
        this.requests = requests;
        this.catalog = catalog;
        this.clients = clients;
    }

    /** A failure with the HTTP status Open311 asks for. */
    static final class Open311Error extends RuntimeException {
        final HttpStatus status;

        Open311Error(HttpStatus status, String message) {
            super(message);
            this.status = status;
        }
    }

    @GetMapping("/discovery.{fmt}")
    ResponseEntity<String> discovery(@PathVariable String fmt) {
        return handle(fmt, () -> {
            List<Object> endpoints = new ArrayList<>();
            for (String type : List.of("production", "test")) {
                Map<String, Object> e = new LinkedHashMap<>();
                e.put("specification", "http://wiki.open311.org/GeoReport_v2");
                e.put("url", "/open311/v2");
                e.put("changeset", "2026-11-27T00:00:00+08:00");
                e.put("type", type);
                e.put("formats", List.of(Map.of("format", "text/xml"), Map.of("format", "application/json")));
                endpoints.add(Map.of("endpoint", e));
            }
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("changeset", "2026-11-27T00:00:00+08:00");
            d.put("contact", "12319 城市管理服务热线");
            d.put("key_service", "向城市管理局申请 api_key (apply to the city-management bureau)");
            d.put("endpoints", endpoints);
            return new Doc("discovery", d, false);
        });
    }

    @GetMapping("/services.{fmt}")
    ResponseEntity<String> services(@PathVariable String fmt) {
        return handle(fmt, () -> new Doc("services", catalog.activeCategories().stream().map(c -> {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("service_code", c.qualifiedCode());
            s.put("service_name", c.name());
            s.put("description", c.filingCondition() == null ? c.name() : c.filingCondition());
            s.put("metadata", "false");
            s.put("type", "realtime");
            s.put("keywords", c.kind().label());
            s.put("group", c.majorName());
            return (Object) Map.of("service", s);
        }).toList(), true));
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

    @PostMapping(path = "/requests.{fmt}", consumes = {MediaType.APPLICATION_FORM_URLENCODED_VALUE,
            MediaType.MULTIPART_FORM_DATA_VALUE})
    ResponseEntity<String> create(@PathVariable String fmt, @RequestParam Map<String, String> form,
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
                throw new Open311Error(HttpStatus.BAD_REQUEST, blank(form.get("address_string")) != null
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
            String name = String.join(" ", nz(form.get("first_name")), nz(form.get("last_name"))).strip();
            String key = idempotencyKey != null ? idempotencyKey
                    : blank(form.get("device_id")) != null && blank(form.get("token")) != null
                            ? form.get("device_id") + ":" + form.get("token") : null;
            CaseService.Intake intake;
            try {
                intake = cases.intake(new NewCase(CaseChannel.OPEN311, c.qualifiedCode(), description, lat, lon,
                        blank(form.get("address_string")), null, name.isEmpty() ? null : name,
                        blank(form.get("phone"))), Performer.publicReporter("open311:" + client), key, null, null);
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
    ResponseEntity<String> list(@PathVariable String fmt,
            @RequestParam(name = "service_request_id", required = false) String ids,
            @RequestParam(name = "service_code", required = false) String codes,
            @RequestParam(name = "start_date", required = false) String start,
            @RequestParam(name = "end_date", required = false) String end,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String page,
            @RequestParam(name = "page_size", required = false) String pageSize) {
        return handle(fmt, () -> {
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
            return new Doc("service_requests", found.stream().map(this::request).toList(), true);
        });
    }

    @GetMapping("/requests/{id}.{fmt}")
    ResponseEntity<String> one(@PathVariable String id, @PathVariable String fmt) {
        return handle(fmt, () -> {
            var found = requests.find(List.of(id), null, null, null, null, 0, 1);
            if (found.isEmpty()) {
                throw new Open311Error(HttpStatus.NOT_FOUND, "unknown service_request_id");
            }
            return new Doc("service_requests", List.of(request(found.get(0))), true);
        });
    }

    private Object request(Open311Requests.Request q) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("service_request_id", q.serviceRequestId());
        r.put("status", q.open() ? "open" : "closed");
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
        return Map.of("request", r);
    }

    // ---- plumbing: one document model rendered as XML or JSON ----

    /**
     * @param root  XML root element
     * @param body  a map (one element) or a list of single-entry maps ({@code item name → fields})
     * @param array JSON is an array of the items (Open311's "Spark" mapping of lists)
     */
    record Doc(String root, Object body, boolean array) {
    }

    interface Producer {
        Doc get();
    }

    private ResponseEntity<String> handle(String fmt, Producer producer) {
        boolean xml = "xml".equals(fmt);
        if (!xml && !"json".equals(fmt)) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(XML)
                    .body(errorXml(404, "unknown format '" + fmt + "' (xml or json)"));
        }
        try {
            Doc doc = producer.get();
            return ResponseEntity.ok().contentType(xml ? XML : JSON).body(xml ? xml(doc) : json(doc));
        } catch (Open311Error e) {
            return ResponseEntity.status(e.status).contentType(xml ? XML : JSON)
                    .body(xml ? errorXml(e.status.value(), e.getMessage()) : errorJson(e.status.value(), e.getMessage()));
        }
    }

    private String json(Doc doc) {
        Object out = doc.body();
        if (doc.array() && out instanceof List<?> items) {
            out = items.stream().map(i -> ((Map<?, ?>) i).values().iterator().next()).toList();
        } else if (out instanceof Map<?, ?> m && m.containsKey("endpoints")) {
            Map<String, Object> copy = new LinkedHashMap<>();
            m.forEach((k, v) -> copy.put(String.valueOf(k), v));
            copy.put("endpoints", ((List<?>) m.get("endpoints")).stream()
                    .map(i -> flattenFormats((Map<?, ?>) ((Map<?, ?>) i).get("endpoint"))).toList());
            out = copy;
        }
        return json.writeValueAsString(out);
    }

    private static Object flattenFormats(Map<?, ?> endpoint) {
        Map<String, Object> copy = new LinkedHashMap<>();
        endpoint.forEach((k, v) -> copy.put(String.valueOf(k), v));
        copy.put("formats", ((List<?>) endpoint.get("formats")).stream().map(f -> ((Map<?, ?>) f).get("format")).toList());
        return copy;
    }

    private String errorJson(int code, String description) {
        return json.writeValueAsString(List.of(Map.of("code", code, "description", description)));
    }

    static String errorXml(int code, String description) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<errors><error><code>" + code + "</code><description>"
                + esc(description) + "</description></error></errors>";
    }

    static String xml(Doc doc) {
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        element(sb, doc.root(), doc.body());
        return sb.toString();
    }

    private static void element(StringBuilder sb, String name, Object value) {
        if (value == null) {
            sb.append('<').append(name).append("/>");
            return;
        }
        sb.append('<').append(name).append('>');
        if (value instanceof Map<?, ?> m) {
            m.forEach((k, v) -> element(sb, String.valueOf(k), v));
        } else if (value instanceof List<?> list) {
            for (Object item : list) {
                if (item instanceof Map<?, ?> m && m.size() == 1) {
                    m.forEach((k, v) -> element(sb, String.valueOf(k), v));
                } else {
                    element(sb, "item", item);
                }
            }
        } else {
            sb.append(esc(String.valueOf(value)));
        }
        sb.append("</").append(name).append('>');
    }

    static String esc(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> {
                    if (ch >= 0x20 || ch == '\n' || ch == '\t' || ch == '\r') {
                        out.append(ch);
                    }
                }
            }
        }
        return out.toString();
    }

    private CategoryView category(String code) {
        return catalog.resolve(code).filter(CategoryView::active)
                .orElseThrow(() -> new Open311Error(HttpStatus.NOT_FOUND, "unknown service_code '" + code + "'"));
    }

    static String w3c(Instant at) {
        return at == null ? null : W3C.format(ZonedDateTime.ofInstant(at, CityClock.ZONE));
    }

    private static Instant date(String value, String field) {
        if (blank(value) == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.strip()).toInstant();
        } catch (DateTimeParseException e) {
            throw new Open311Error(HttpStatus.BAD_REQUEST, field + " must be a W3C datetime, e.g. 2026-11-27T09:00:00+08:00");
        }
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

    private static int intParam(String value, int dflt, String field) {
        if (blank(value) == null) {
            return dflt;
        }
        try {
            int v = Integer.parseInt(value.strip());
            if (v < 1) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new Open311Error(HttpStatus.BAD_REQUEST, field + " must be a positive integer");
        }
    }

    private static List<String> split(String value) {
        if (blank(value) == null) {
            return List.of();
        }
        return Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String nz(String s) {
        return s == null ? "" : s.strip();
    }
}
