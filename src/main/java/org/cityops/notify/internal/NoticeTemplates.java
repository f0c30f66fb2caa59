package org.cityops.notify.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.cityops.audit.AuditTrail;
import org.cityops.notify.NoticeKind;
import org.cityops.platform.DbTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 消息模板: the words of each kind. A kind without a saved template uses {@link NoticeKind#defaultTemplate()}.
 * Saving checks the placeholders against {@link NoticeKind#placeholders()} (400 naming the unknown one); saving and
 * resetting are audited with the words before and after.
 */
@Service
public class NoticeTemplates {

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;

    public NoticeTemplates(JdbcClient jdbc, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /** One kind's current words and whether ADMIN changed them. */
    public record Template(NoticeKind kind, String body, boolean custom) {}

    /** The words used now for a kind. */
    public String current(NoticeKind kind) {
        return saved(kind).orElse(kind.defaultTemplate());
    }

    public List<Template> all() {
        Map<NoticeKind, String> saved = new EnumMap<>(NoticeKind.class);
        jdbc.sql("SELECT kind, body FROM notify_template WHERE tenant_id = 'default'")
                .query((rs, i) -> saved.put(NoticeKind.valueOf(rs.getString("kind")), rs.getString("body")))
                .list();
        List<Template> out = new ArrayList<>();
        for (NoticeKind k : NoticeKind.values()) {
            String body = saved.get(k);
            out.add(new Template(k, body == null ? k.defaultTemplate() : body, body != null));
        }
        return out;
    }

    @Transactional
    public void save(NoticeKind kind, String body, String username) {
        String checked = TemplateText.checked(kind, body);
        String before = current(kind);
        if (checked.equals(before)) {
            return;
        }
        int n = jdbc.sql("UPDATE notify_template SET body = :b, updated_by = :u, updated_at = :t"
                        + " WHERE tenant_id = 'default' AND kind = :k")
                .param("b", checked)
                .param("u", username)
                .param("t", DbTime.toDb(clock.instant()))
                .param("k", kind.name())
                .update();
        if (n == 0) {
            jdbc.sql("INSERT INTO notify_template (kind, body, updated_by, updated_at) VALUES (:k, :b, :u, :t)")
                    .param("b", checked)
                    .param("u", username)
                    .param("t", DbTime.toDb(clock.instant()))
                    .param("k", kind.name())
                    .update();
        }
        audit.record("NOTIFY_TEMPLATE", kind.name(), "UPDATE", before, checked);
    }

    /** Back to the default words. */
    @Transactional
    public void reset(NoticeKind kind) {
        java.util.Optional<String> before = saved(kind);
        if (before.isEmpty()) {
            return;
        }
        jdbc.sql("DELETE FROM notify_template WHERE tenant_id = 'default' AND kind = :k")
                .param("k", kind.name())
                .update();
        audit.record("NOTIFY_TEMPLATE", kind.name(), "RESET", before.get(), kind.defaultTemplate());
    }

    private java.util.Optional<String> saved(NoticeKind kind) {
        return jdbc.sql("SELECT body FROM notify_template WHERE tenant_id = 'default' AND kind = :k")
                .param("k", kind.name())
                .query(String.class)
                .optional();
    }
}
