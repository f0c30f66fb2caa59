package org.cityops.sanitation.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cityops.platform.InvalidInputException;
import org.springframework.util.MultiValueMap;

/**
 * A 环卫台账 register form as posted: its fields read as the module's services take them (a number or a choice that
 * is not one refused naming the field), and what the user typed, to fill the form again after a refusal.
 */
final class RegisterForm {

    private final MultiValueMap<String, String> values;

    RegisterForm(MultiValueMap<String, String> values) {
        this.values = values;
    }

    /** The record's id; null for a new record. */
    Long id() {
        String id = values.getFirst("id");
        return id == null || id.isBlank() ? null : Long.valueOf(id.trim());
    }

    /** The fields as typed (id and the CSRF token left out); the segment choices as a list. */
    Map<String, Object> draft() {
        Map<String, Object> f = new LinkedHashMap<>();
        values.forEach((k, v) -> {
            if (!k.equals("id") && !k.equals("_csrf")) {
                f.put(k, k.equals("segmentIds") ? v : v.isEmpty() ? "" : v.get(0));
            }
        });
        return f;
    }

    String text(String name) {
        String v = values.getFirst(name);
        return v == null ? "" : v;
    }

    boolean checked(String name) {
        return "true".equals(values.getFirst(name));
    }

    long number(String name, String message) {
        try {
            return Long.parseLong(text(name).trim());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(message, name);
        }
    }

    double decimal(String name) {
        try {
            double v = Double.parseDouble(text(name).trim());
            if (!Double.isFinite(v)) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new InvalidInputException("须为数字 must be a number", name);
        }
    }

    /** The ids chosen (blank entries skipped); one that is not a number is refused naming its place, e.g. segmentIds[2]. */
    List<Long> ids(String name) {
        List<Long> out = new ArrayList<>();
        List<String> list = values.get(name);
        if (list == null) {
            return out;
        }
        for (int i = 0; i < list.size(); i++) {
            String v = list.get(i);
            if (v == null || v.isBlank()) {
                continue;
            }
            try {
                out.add(Long.valueOf(v.trim()));
            } catch (NumberFormatException e) {
                throw new InvalidInputException("路段不存在 unknown segment", name + "[" + i + "]");
            }
        }
        return out;
    }

    /** One of {@code type}'s constants by its name; anything else refused with {@code message} naming the field. */
    <E extends Enum<E>> E choice(String name, Class<E> type, String message) {
        try {
            return Enum.valueOf(type, text(name));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(message, name);
        }
    }

    /** The message key of a refused field's label: "segmentIds[2]" → segmentIds; a segment's "wkt" is its line. */
    static String labelKey(String kind, String field) {
        if (field == null) {
            return null;
        }
        String key = field.replaceAll("\\[.*$", "");
        return "segments".equals(kind) && ("wkt".equals(key) || "geometry".equals(key)) ? "line" : key;
    }
}
