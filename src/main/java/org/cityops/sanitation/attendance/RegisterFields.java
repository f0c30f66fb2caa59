package org.cityops.sanitation.attendance;

import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import org.cityops.org.RecordKind;
import org.cityops.org.ScopeFilter;
import org.cityops.org.ScopeRule;
import org.cityops.org.StaffMember;
import org.cityops.platform.InvalidInputException;

/** The field checks and the data scope the posts, shifts and workers registers share. */
final class RegisterFields {

    private RegisterFields() {}

    /** Posts and workers are seen within the caller's data scope (AREA), by the post's district. */
    static ScopeFilter scope(StaffMember me) {
        return ScopeRule.filter(me, RecordKind.AREA);
    }

    static void require(String value, String field, String message) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(message, field);
        }
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    static LocalTime time(String text, String field) {
        try {
            return LocalTime.parse(text == null ? "" : text.trim());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("时间须为 HH:mm time must be HH:mm", field);
        }
    }
}
