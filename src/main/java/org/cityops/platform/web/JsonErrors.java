package org.cityops.platform.web;

import org.springframework.http.converter.HttpMessageNotReadableException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/** Reads the offending field's path out of a Jackson failure, so a problem detail can name it. */
final class JsonErrors {

    private JsonErrors() {}

    static String fieldOf(HttpMessageNotReadableException e) {
        if (e.getCause() instanceof DatabindException de && !de.getPath().isEmpty()) {
            StringBuilder sb = new StringBuilder();
            for (var ref : de.getPath()) {
                if (ref.getPropertyName() != null) {
                    if (!sb.isEmpty()) {
                        sb.append('.');
                    }
                    sb.append(ref.getPropertyName());
                } else if (ref.getIndex() >= 0) {
                    sb.append('[').append(ref.getIndex()).append(']');
                }
            }
            return sb.isEmpty() ? null : sb.toString();
        }
        return null;
    }

    /** A value that should have been a date ({@code LocalDate}) but is not one, e.g. "next week" or 2026-02-30. */
    static boolean isBadDate(HttpMessageNotReadableException e) {
        return e.getCause() instanceof InvalidFormatException ife && ife.getTargetType() == java.time.LocalDate.class;
    }

    static boolean isUnknownField(HttpMessageNotReadableException e) {
        return e.getCause() instanceof UnrecognizedPropertyException;
    }
}
