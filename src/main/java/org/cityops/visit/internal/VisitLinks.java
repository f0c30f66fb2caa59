package org.cityops.visit.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.cityops.audit.AuditTrail;
import org.cityops.cases.CaseClosed;
import org.cityops.cases.CaseStatus;
import org.cityops.cases.CitizenVisits;
import org.cityops.cases.CitizenVisits.VisitCase;
import org.cityops.cases.Satisfaction;
import org.cityops.notify.Notice;
import org.cityops.notify.NoticeKind;
import org.cityops.notify.NoticeRecord;
import org.cityops.notify.Notifications;
import org.cityops.notify.Recipient;
import org.cityops.platform.DbTime;
import org.cityops.platform.InvalidInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 回访 links: made when a citizen case is closed (in the closing transaction, under a savepoint so that a failure
 * here never fails the closing), shown and answered once by the public page. The answer is the case's VISIT step
 * and the link's use, in one transaction, audited.
 */
@Service
public class VisitLinks {

    private static final Logger log = LoggerFactory.getLogger(VisitLinks.class);

    /** How long a link works. */
    public static final Duration VALID_FOR = Duration.ofDays(7);

    /** The longest comment taken. */
    public static final int MAX_COMMENT = 500;

    private final JdbcClient jdbc;
    private final CitizenVisits cases;
    private final Notifications notifications;
    private final AuditTrail audit;
    private final Clock clock;
    private final TransactionTemplate savepoint;
    private final String baseUrl;

    VisitLinks(
            JdbcClient jdbc,
            CitizenVisits cases,
            Notifications notifications,
            AuditTrail audit,
            Clock clock,
            PlatformTransactionManager tm,
            @Value("${cityops.public-base-url:http://localhost:8080}") String baseUrl) {
        this.jdbc = jdbc;
        this.cases = cases;
        this.notifications = notifications;
        this.audit = audit;
        this.clock = clock;
        this.savepoint = new TransactionTemplate(tm);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /** A link and the page's view of it. */
    public record LinkView(LinkState state, VisitCase visitCase, Instant expiresAt, Satisfaction answer) {}

    /** One link queued in LOG mode (the demo), for the ADMIN view: the text exactly as queued. */
    public record LoggedLink(
            String caseNumber, Instant createdAt, Instant expiresAt, boolean used, List<String> texts) {}

    @EventListener
    void on(CaseClosed closed) {
        try {
            savepoint.executeWithoutResult(s -> create(closed));
        } catch (RuntimeException e) {
            log.warn("回访 link for case {} not made: {}", closed.caseNumber(), e.toString());
        }
    }

    /**
     * Makes the link of one closing and queues its SMS; nothing for a case not reported by a citizen or without
     * a phone, nothing when this closing already has its link (idempotent).
     *
     * @return the token, only for the caller that made it (it is never stored)
     */
    Optional<String> create(CaseClosed closed) {
        Optional<VisitCase> found = cases.visitCase(closed.caseId());
        if (found.isEmpty()) {
            return Optional.empty();
        }
        VisitCase c = found.get();
        String phone = c.reporterPhone() == null ? "" : c.reporterPhone().strip();
        if (!CitizenVisits.citizenChannel(c.channel()) || phone.isEmpty()) {
            return Optional.empty();
        }
        OffsetDateTime closedAt = DbTime.toDb(closed.at());
        boolean exists = jdbc.sql("SELECT COUNT(*) FROM visit_link WHERE case_id = :c AND closed_at = :at")
                        .param("c", c.caseId())
                        .param("at", closedAt)
                        .query(Long.class)
                        .single()
                > 0;
        if (exists) {
            return Optional.empty();
        }
        String token = VisitTokens.newToken();
        Instant now = clock.instant();
        String eventId = "visit-link:" + c.caseId() + ":" + closed.at().toEpochMilli();
        jdbc.sql("""
                INSERT INTO visit_link (token_hash, case_id, case_number, closed_at, event_id, created_at, expires_at)
                VALUES (:h, :c, :n, :closed, :e, :now, :exp)""")
                .param("h", VisitTokens.hash(token))
                .param("c", c.caseId())
                .param("n", c.caseNumber())
                .param("closed", closedAt)
                .param("e", eventId)
                .param("now", DbTime.toDb(now))
                .param("exp", DbTime.toDb(now.plus(VALID_FOR)))
                .update();
        notifications.queue(new Notice(
                eventId,
                NoticeKind.VISIT_LINK,
                List.of(new Recipient.Phone(phone)),
                java.util.Map.of("caseNumber", c.caseNumber(), "link", link(token)),
                "cases",
                c.caseNumber()));
        audit.record("VISIT_LINK", c.caseNumber(), "CREATE", null, "expires=" + now.plus(VALID_FOR));
        return Optional.of(token);
    }

    /** The public link of a token. */
    public String link(String token) {
        return baseUrl + "/public/visit/" + token;
    }

    /** What the page shows for a token (FORGED with nothing else for an unknown or malformed one). */
    @Transactional(readOnly = true)
    public LinkView view(String token) {
        return find(token, false)
                .map(r -> {
                    VisitCase c = cases.visitCase(r.caseId()).orElse(null);
                    LinkState s = c == null
                            ? LinkState.FORGED
                            : LinkState.of(r.usedAt(), r.expiresAt(), c.status(), clock.instant());
                    return new LinkView(s, s == LinkState.FORGED ? null : c, r.expiresAt(), r.answer());
                })
                .orElse(new LinkView(LinkState.FORGED, null, null, null));
    }

    /**
     * Takes the citizen's answer: the case's VISIT step and the link's use commit together, or nothing does. A
     * link that is not OPEN records nothing and says why.
     */
    @Transactional
    public LinkState answer(String token, Satisfaction satisfaction, String comment) {
        if (satisfaction == null) {
            throw new InvalidInputException("请选择满意度 satisfaction is required", "satisfaction");
        }
        String text = comment == null ? null : comment.strip();
        if (text != null && text.length() > MAX_COMMENT) {
            throw new InvalidInputException("评价内容不能超过" + MAX_COMMENT + "字 comment too long", "comment");
        }
        Optional<Row> row = find(token, true);
        if (row.isEmpty()) {
            return LinkState.FORGED;
        }
        Row r = row.get();
        CaseStatus status = cases.visitCase(r.caseId()).map(VisitCase::status).orElse(null);
        if (status == null) {
            return LinkState.FORGED;
        }
        LinkState state = LinkState.of(r.usedAt(), r.expiresAt(), status, clock.instant());
        if (state != LinkState.OPEN) {
            return state;
        }
        cases.visitByCitizen(r.caseId(), satisfaction, text);
        jdbc.sql("""
                UPDATE visit_link SET used_at = :now, satisfaction = :s, version = version + 1
                WHERE id = :id AND used_at IS NULL""")
                .param("now", DbTime.toDb(clock.instant()))
                .param("s", satisfaction.name())
                .param("id", r.id())
                .update();
        audit.record(
                "VISIT_LINK",
                r.caseNumber(),
                "VISIT_ANSWER",
                "unused",
                "satisfaction=" + satisfaction + (text == null || text.isEmpty() ? "" : " comment=" + text));
        return LinkState.OPEN;
    }

    /**
     * The newest links with the notice text queued for each (LOG mode: what the demo's SMS would have said).
     */
    @Transactional(readOnly = true)
    public List<LoggedLink> logged(int limit) {
        record Link(String caseNumber, String eventId, Instant createdAt, Instant expiresAt, boolean used) {}
        List<Link> links = jdbc.sql("""
                SELECT case_number, event_id, created_at, expires_at, used_at FROM visit_link
                ORDER BY created_at DESC, id DESC LIMIT :n""")
                .param("n", Math.max(1, Math.min(limit, 200)))
                .query((rs, n) -> new Link(
                        rs.getString(1),
                        rs.getString(2),
                        DbTime.fromDb(rs.getObject(3, OffsetDateTime.class)),
                        DbTime.fromDb(rs.getObject(4, OffsetDateTime.class)),
                        rs.getObject(5, OffsetDateTime.class) != null))
                .list();
        return links.stream()
                .map(l -> new LoggedLink(
                        l.caseNumber(),
                        l.createdAt(),
                        l.expiresAt(),
                        l.used(),
                        notifications.ofEvent(l.eventId()).stream()
                                .map(NoticeRecord::text)
                                .toList()))
                .toList();
    }

    private record Row(
            long id, long caseId, String caseNumber, Instant expiresAt, Instant usedAt, Satisfaction answer) {}

    private Optional<Row> find(String token, boolean forUpdate) {
        if (!VisitTokens.wellFormed(token)) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT id, case_id, case_number, expires_at, used_at, satisfaction FROM visit_link"
                        + " WHERE token_hash = :h" + (forUpdate ? " FOR UPDATE" : ""))
                .param("h", VisitTokens.hash(token))
                .query((rs, n) -> new Row(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getString(3),
                        DbTime.fromDb(rs.getObject(4, OffsetDateTime.class)),
                        DbTime.fromDb(rs.getObject(5, OffsetDateTime.class)),
                        rs.getString(6) == null ? null : Satisfaction.valueOf(rs.getString(6))))
                .optional();
    }
}
