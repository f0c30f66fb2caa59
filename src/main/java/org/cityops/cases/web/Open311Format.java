package org.cityops.cases.web;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cityops.platform.CityClock;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.json.JsonMapper;

/**
 * Open311 plumbing shared by the GeoReport controllers: one document model rendered as XML or JSON (the
 * "Spark" mapping), errors as {@code errors/error{code, description}}, W3C timestamps in {@code +08:00} without
 * fractions, and the parsing of optional arguments (empty = absent).
 */
final class Open311Format {

    private static final DateTimeFormatter W3C = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");
    static final MediaType XML = MediaType.parseMediaType("text/xml; charset=utf-8");
    static final MediaType JSON = MediaType.parseMediaType("application/json; charset=utf-8");
    static final int MAX_PAGE_SIZE = 500;
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private Open311Format() {}

    /** A failure with the HTTP status Open311 asks for. */
    static final class Open311Error extends RuntimeException {
        final HttpStatus status;

        Open311Error(HttpStatus status, String message) {
            super(message);
            this.status = status;
        }
    }

    // ---- plumbing: one document model rendered as XML or JSON ----

    /**
     * @param root  XML root element
     * @param body  a map (one element) or a list of single-entry maps ({@code item name → fields})
     * @param array JSON is an array of the items (Open311's "Spark" mapping of lists)
     */
    record Doc(String root, Object body, boolean array) {}

    interface Producer {
        Doc get();
    }

    static ResponseEntity<String> handle(String fmt, Producer producer) {
        boolean xml = "xml".equals(fmt);
        if (!xml && !"json".equals(fmt)) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND)
                    .contentType(XML)
                    .body(errorXml(404, "unknown format '" + fmt + "' (xml or json)"));
        }
        try {
            Doc doc = producer.get();
            return ResponseEntity.ok().contentType(xml ? XML : JSON).body(xml ? xml(doc) : json(doc));
        } catch (Open311Error e) {
            return ResponseEntity.status(e.status)
                    .contentType(xml ? XML : JSON)
                    .body(
                            xml
                                    ? errorXml(e.status.value(), e.getMessage())
                                    : errorJson(e.status.value(), e.getMessage()));
        }
    }

    private static String json(Doc doc) {
        Object out = doc.body();
        if (doc.array() && out instanceof List<?> items) {
            out = items.stream()
                    .map(i -> ((Map<?, ?>) i).values().iterator().next())
                    .toList();
        } else if (out instanceof Map<?, ?> m && m.containsKey("endpoints")) {
            Map<String, Object> copy = new LinkedHashMap<>();
            m.forEach((k, v) -> copy.put(String.valueOf(k), v));
            copy.put(
                    "endpoints",
                    ((List<?>) m.get("endpoints"))
                            .stream()
                                    .map(i -> flattenFormats((Map<?, ?>) ((Map<?, ?>) i).get("endpoint")))
                                    .toList());
            out = copy;
        }
        return MAPPER.writeValueAsString(out);
    }

    private static Object flattenFormats(Map<?, ?> endpoint) {
        Map<String, Object> copy = new LinkedHashMap<>();
        endpoint.forEach((k, v) -> copy.put(String.valueOf(k), v));
        copy.put(
                "formats",
                ((List<?>) endpoint.get("formats"))
                        .stream().map(f -> ((Map<?, ?>) f).get("format")).toList());
        return copy;
    }

    private static String errorJson(int code, String description) {
        return MAPPER.writeValueAsString(List.of(Map.of("code", code, "description", description)));
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

    static String w3c(Instant at) {
        return at == null ? null : W3C.format(ZonedDateTime.ofInstant(at, CityClock.ZONE));
    }

    static Instant date(String value, String field) {
        if (blank(value) == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.strip()).toInstant();
        } catch (DateTimeParseException e) {
            throw new Open311Error(
                    HttpStatus.BAD_REQUEST, field + " must be a W3C datetime, e.g. 2026-11-27T09:00:00+08:00");
        }
    }

    static int intParam(String value, int dflt, String field) {
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

    static List<String> split(String value) {
        if (blank(value) == null) {
            return List.of();
        }
        return Arrays.stream(value.split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    static String nz(String s) {
        return s == null ? "" : s.strip();
    }
}
