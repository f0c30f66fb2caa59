package org.cityops.notify.internal;

import java.time.Clock;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Pattern;
import org.cityops.audit.AuditTrail;
import org.cityops.platform.DbTime;
import org.cityops.platform.InvalidInputException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 通知偏好 of a staff account: SMS and/or e-mail, the e-mail address, and 免打扰 hours. Without a saved row: SMS
 * only, no quiet hours. Each change is audited.
 */
@Service
public class NotifyPreferences {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s,;]+@[^@\\s,;]+\\.[^@\\s,;]+$");
    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;

    public NotifyPreferences(JdbcClient jdbc, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /** One account's preferences. */
    public record Preference(boolean sms, boolean email, String emailAddress, QuietHours quiet) {

        public static final Preference DEFAULT = new Preference(true, false, null, QuietHours.NONE);

        String summary() {
            return "sms=" + sms + ", email=" + email + ", address=" + Masking.email(emailAddress) + ", quiet="
                    + (quiet.none() ? "-" : quiet.start() + "-" + quiet.end());
        }
    }

    public Preference of(String username) {
        return find(username).orElse(Preference.DEFAULT);
    }

    /**
     * Saves an account's preferences: an e-mail address is required when e-mail is chosen and must look like one;
     * quiet hours are HH:mm (both or neither).
     */
    @Transactional
    public Preference save(
            String username, boolean sms, boolean email, String emailAddress, String quietStart, String quietEnd) {
        String address = emailAddress == null || emailAddress.isBlank() ? null : emailAddress.strip();
        if (address != null
                && (address.length() > 200 || !EMAIL.matcher(address).matches())) {
            throw new InvalidInputException("邮箱地址格式不正确", "emailAddress");
        }
        if (email && address == null) {
            throw new InvalidInputException("选择邮件通知时须填写邮箱地址", "emailAddress");
        }
        QuietHours quiet = quiet(quietStart, quietEnd);
        Preference next = new Preference(sms, email, address, quiet);
        Optional<Preference> before = find(username);
        int n = jdbc.sql("UPDATE notify_preference SET sms = :sms, email = :email, email_address = :a,"
                        + " quiet_start = :qs, quiet_end = :qe, updated_at = :t"
                        + " WHERE tenant_id = 'default' AND username = :u")
                .params(params(username, next))
                .update();
        if (n == 0) {
            jdbc.sql("INSERT INTO notify_preference (username, sms, email, email_address, quiet_start, quiet_end,"
                            + " updated_at) VALUES (:u, :sms, :email, :a, :qs, :qe, :t)")
                    .params(params(username, next))
                    .update();
        }
        audit.record(
                "NOTIFY_PREFERENCE",
                username,
                "UPDATE",
                before.map(Preference::summary).orElse(null),
                next.summary());
        return next;
    }

    private java.util.Map<String, Object> params(String username, Preference p) {
        java.util.Map<String, Object> m = new java.util.HashMap<>();
        m.put("u", username);
        m.put("sms", p.sms());
        m.put("email", p.email());
        m.put("a", p.emailAddress());
        m.put("qs", p.quiet().none() ? null : p.quiet().start().toString());
        m.put("qe", p.quiet().none() ? null : p.quiet().end().toString());
        m.put("t", DbTime.toDb(clock.instant()));
        return m;
    }

    static QuietHours quiet(String start, String end) {
        boolean noStart = start == null || start.isBlank();
        boolean noEnd = end == null || end.isBlank();
        if (noStart && noEnd) {
            return QuietHours.NONE;
        }
        if (noStart || noEnd) {
            throw new InvalidInputException("免打扰时段须同时填写开始和结束时间", noStart ? "quietStart" : "quietEnd");
        }
        try {
            return new QuietHours(LocalTime.parse(start.strip()), LocalTime.parse(end.strip()));
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("时间格式应为 HH:mm", "quietStart");
        }
    }

    private Optional<Preference> find(String username) {
        return jdbc.sql("SELECT sms, email, email_address, quiet_start, quiet_end FROM notify_preference"
                        + " WHERE tenant_id = 'default' AND username = :u")
                .param("u", username)
                .query((rs, i) -> new Preference(
                        rs.getBoolean("sms"),
                        rs.getBoolean("email"),
                        rs.getString("email_address"),
                        rs.getString("quiet_start") == null
                                ? QuietHours.NONE
                                : new QuietHours(
                                        LocalTime.parse(rs.getString("quiet_start")),
                                        LocalTime.parse(rs.getString("quiet_end")))))
                .optional();
    }
}
