package org.cityops.opinion.item;

import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cityops.audit.AuditTrail;
import org.cityops.cases.CaseChannel;
import org.cityops.cases.CaseOpened;
import org.cityops.cases.CaseRequested;
import org.cityops.catalog.Catalog;
import org.cityops.catalog.CategoryView;
import org.cityops.geo.GridLocator;
import org.cityops.notify.Notice;
import org.cityops.notify.NoticeKind;
import org.cityops.notify.Notifications;
import org.cityops.notify.Recipient;
import org.cityops.opinion.duty.DutyRoster;
import org.cityops.org.DepartmentView;
import org.cityops.org.OrgDirectory;
import org.cityops.org.Role;
import org.cityops.org.StaffMember;
import org.cityops.platform.AccessDeniedToEntityException;
import org.cityops.platform.CityClock;
import org.cityops.platform.ConflictException;
import org.cityops.platform.DbTime;
import org.cityops.platform.InvalidInputException;
import org.cityops.platform.NotFoundException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 舆情 items and their triage: entered by a duty officer or taken from a feed, listed within the reader's scope
 * ({@link OpinionAccess}), and moved by {@link TriagePolicy}: dismissed with a reason, forwarded to a unit with a
 * reply deadline (the unit's handlers are told, {@code OPINION_FORWARDED}), replied to by that unit, escalated
 * once per forwarding when the deadline passes ({@code OPINION_REPLY_OVERDUE} to the unit and the leader on duty),
 * or sent to 12319 ({@link CaseRequested} with channel MEDIA, source {@code opinion}, key = the item id, so a repeat
 * never opens a second case; {@link CaseOpened} stores the case number). Every change is audited.
 *
 * <p>Over 400 lines: items, triage and the overdue escalation share one scope rule and one audit shape;
 * the next split is the triage actions (dismiss, forward, reply, case) apart from the item ledger (to do).
 */
@Service
public class OpinionItems {

    static final String SOURCE = "opinion";
    static final int MAX_TITLE = 200;
    static final int MAX_SUMMARY = 2000;
    static final int MAX_TEXT = 1000;
    static final Duration MAX_REPLY_WINDOW = Duration.ofDays(30);
    static final Duration MIN_REPLY_WINDOW = Duration.ofMinutes(30);

    /** What a list asks for; null parts are no filter. */
    public record Filter(OpinionStatus status, OpinionLevel level, OpinionSource source, LocalDate day, String q) {

        public static Filter none() {
            return new Filter(null, null, null, null, null);
        }
    }

    /** What happened on a day: items received and items handled (dismissed, replied, case opened). */
    public record DayCounts(long received, long handled) {}

    private static final String COLUMNS = "i.id, i.title, i.source, i.feed_name, i.url, i.summary, i.published_at, "
            + "i.received_at, i.place, i.lat, i.lon, i.level, i.status, i.created_by, i.dismiss_reason, "
            + "i.department_id, i.department_name, i.forward_note, i.reply_due_at, i.forwarded_at, i.forwarded_by, "
            + "i.reply, i.replied_at, i.replied_by, i.escalated_at, i.case_id, i.case_number, i.case_failure, i.version";

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final OrgDirectory org;
    private final GridLocator locator;
    private final Catalog catalog;
    private final Notifications notifications;
    private final DutyRoster roster;
    private final String defaultCategory;

    OpinionItems(
            JdbcClient jdbc,
            AuditTrail audit,
            ApplicationEventPublisher events,
            Clock clock,
            OrgDirectory org,
            GridLocator locator,
            Catalog catalog,
            Notifications notifications,
            DutyRoster roster,
            @Value("${cityops.opinion.cases.category:06012}") String defaultCategory) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
        this.org = org;
        this.locator = locator;
        this.catalog = catalog;
        this.notifications = notifications;
        this.roster = roster;
        this.defaultCategory = defaultCategory;
    }

    /** The category a 12319 case is asked for unless the officer picks another. */
    public String defaultCategory() {
        return defaultCategory;
    }

    // ---------------------------------------------------------------- entering

    /** A duty officer enters an item (form or API); 403 for anybody else, 400 naming the field. */
    @Transactional
    public OpinionItem create(ItemDraft d, StaffMember me) {
        if (!OpinionAccess.officer(me) && !me.isSystem()) {
            throw new AccessDeniedToEntityException("只有舆情值班员可以登记舆情 only the duty officers enter items");
        }
        ItemDraft checked = check(d);
        if (checked.source() == OpinionSource.FEED) {
            throw new InvalidInputException("订阅源的舆情由系统拉取 feed items are pulled, not entered", "source");
        }
        return insert(checked, me);
    }

    /**
     * An entry of a configured feed; empty when the same entry (guid, else link) was taken before. The feed reader
     * checks the entry; this checks it again as any item.
     */
    @Transactional
    public Optional<OpinionItem> importFeedEntry(ItemDraft d) {
        if (d.guid() == null || d.guid().isBlank()) {
            throw new InvalidInputException("订阅条目缺少标识 feed entry without guid or link", "guid");
        }
        boolean seen = jdbc.sql("SELECT COUNT(*) FROM op_item WHERE tenant_id = 'default' AND guid = :g")
                        .param("g", d.guid())
                        .query(Long.class)
                        .single()
                > 0;
        if (seen) {
            return Optional.empty();
        }
        return Optional.of(insert(check(d), StaffMember.SYSTEM));
    }

    /** Whether an entry with this guid was taken before (the feed poller asks before it checks the entry). */
    public boolean known(String guid) {
        return jdbc.sql("SELECT COUNT(*) FROM op_item WHERE tenant_id = 'default' AND guid = :g")
                        .param("g", guid)
                        .query(Long.class)
                        .single()
                > 0;
    }

    private ItemDraft check(ItemDraft d) {
        if (d == null) {
            throw new InvalidInputException("请求为空 empty request", null);
        }
        String title = trim(d.title());
        if (title == null) {
            throw new InvalidInputException("标题必填 title required", "title");
        }
        if (title.length() > MAX_TITLE) {
            throw new InvalidInputException(
                    "标题不超过" + MAX_TITLE + "字 title at most " + MAX_TITLE + " characters", "title");
        }
        if (d.source() == null) {
            throw new InvalidInputException("来源必填 source required", "source");
        }
        String url = trim(d.url());
        if (url != null) {
            if (url.length() > 1000) {
                throw new InvalidInputException("链接过长 url longer than 1000", "url");
            }
            try {
                URI u = new URI(url);
                if (u.getScheme() == null
                        || !(u.getScheme().equalsIgnoreCase("http")
                                || u.getScheme().equalsIgnoreCase("https"))
                        || u.getHost() == null) {
                    throw new InvalidInputException("链接须为 http(s) 地址 url must be an http(s) address", "url");
                }
            } catch (java.net.URISyntaxException e) {
                throw new InvalidInputException("链接格式不正确 url is not a valid address", "url");
            }
        }
        String summary = trim(d.summary());
        if (summary != null && summary.length() > MAX_SUMMARY) {
            summary = summary.substring(0, MAX_SUMMARY);
        }
        String place = trim(d.place());
        if (place != null && place.length() > 200) {
            throw new InvalidInputException("地点不超过200字 place at most 200 characters", "place");
        }
        if ((d.lat() == null) != (d.lon() == null)) {
            throw new InvalidInputException("经纬度须同时填写 lat and lon go together", d.lat() == null ? "lat" : "lon");
        }
        if (d.lat() != null) {
            checkInCity(d.lat(), d.lon());
        }
        Instant now = clock.instant();
        if (d.publishedAt() != null && d.publishedAt().isAfter(now.plus(Duration.ofMinutes(5)))) {
            throw new InvalidInputException("发布时间不能晚于现在 published time in the future", "publishedAt");
        }
        return new ItemDraft(
                title,
                d.source(),
                trim(d.feedName()),
                trim(d.guid()),
                url,
                summary,
                d.publishedAt(),
                place,
                d.lat(),
                d.lon(),
                d.level() == null ? OpinionLevel.GENERAL : d.level());
    }

    private void checkInCity(double lat, double lon) {
        if (Double.isNaN(lat) || Double.isNaN(lon) || Math.abs(lat) > 90 || Math.abs(lon) > 180) {
            throw new InvalidInputException("坐标不合法 lat/lon out of range", "lat");
        }
        if (locator.locate(lat, lon).isEmpty()) {
            throw new InvalidInputException("位置不在本市网格内 location is outside the city", "lat");
        }
    }

    private OpinionItem insert(ItemDraft d, StaffMember me) {
        Instant now = clock.instant();
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO op_item (title, source, feed_name, guid, url, summary, published_at, received_at, place,
                                     lat, lon, level, status, created_by)
                VALUES (:title, :source, :feed, :guid, :url, :summary, :published, :received, :place,
                        :lat, :lon, :level, 'NEW', :by)""")
                .param("title", d.title())
                .param("source", d.source().name())
                .param("feed", d.feedName())
                .param("guid", d.guid())
                .param("url", d.url())
                .param("summary", d.summary())
                .param("published", d.publishedAt() == null ? null : DbTime.toDb(d.publishedAt()))
                .param("received", DbTime.toDb(now))
                .param("place", d.place())
                .param("lat", d.lat())
                .param("lon", d.lon())
                .param("level", d.level().name())
                .param("by", me.username())
                .update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        audit.record(
                "OP_ITEM",
                String.valueOf(id),
                "CREATE",
                null,
                "title=" + d.title() + " source=" + d.source() + " level=" + d.level());
        return load(id);
    }

    // ---------------------------------------------------------------- reading

    /** The items {@code me} may see, newest first, at most 500. */
    public List<OpinionItem> list(StaffMember me, Filter f) {
        Map<String, Object> params = new HashMap<>();
        StringBuilder sql =
                new StringBuilder("SELECT " + COLUMNS + " FROM op_item i WHERE i.tenant_id = 'default' AND ");
        sql.append(OpinionAccess.sql(me, params));
        Filter filter = f == null ? Filter.none() : f;
        if (filter.status() != null) {
            sql.append(" AND i.status = :status");
            params.put("status", filter.status().name());
        }
        if (filter.level() != null) {
            sql.append(" AND i.level = :level");
            params.put("level", filter.level().name());
        }
        if (filter.source() != null) {
            sql.append(" AND i.source = :source");
            params.put("source", filter.source().name());
        }
        if (filter.day() != null) {
            sql.append(" AND i.received_at >= :from AND i.received_at < :to");
            params.put("from", DbTime.toDb(startOf(filter.day())));
            params.put("to", DbTime.toDb(startOf(filter.day().plusDays(1))));
        }
        String q = trim(filter.q());
        if (q != null) {
            sql.append(" AND (LOWER(i.title) LIKE :q OR LOWER(i.summary) LIKE :q OR LOWER(i.place) LIKE :q)");
            params.put(
                    "q",
                    "%" + q.toLowerCase(java.util.Locale.ROOT).replace("%", "").replace("_", "") + "%");
        }
        sql.append(" ORDER BY i.received_at DESC, i.id DESC LIMIT 500");
        return jdbc.sql(sql.toString()).params(params).query(this::row).list();
    }

    /** One item; 404 when unknown, 403 outside the reader's scope. */
    public OpinionItem get(long id, StaffMember me) {
        OpinionItem item = find(id).orElseThrow(() -> new NotFoundException("舆情不存在 item not found"));
        if (!OpinionAccess.sees(me, item)) {
            throw new AccessDeniedToEntityException("无权查看该舆情 item outside your scope");
        }
        return item;
    }

    /** The items received on a day or handled on it (for the 日报), oldest first. */
    public List<OpinionItem> ofDay(LocalDate day) {
        return jdbc.sql("SELECT " + COLUMNS
                        + " FROM op_item i WHERE i.tenant_id = 'default' AND ((i.received_at >= :from "
                        + "AND i.received_at < :to) OR (i.handled_at >= :from AND i.handled_at < :to)) "
                        + "ORDER BY i.received_at, i.id")
                .param("from", DbTime.toDb(startOf(day)))
                .param("to", DbTime.toDb(startOf(day.plusDays(1))))
                .query(this::row)
                .list();
    }

    /** Received and handled on a day (the duty log's counts). */
    public DayCounts counts(LocalDate day) {
        OffsetDateTime from = DbTime.toDb(startOf(day));
        OffsetDateTime to = DbTime.toDb(startOf(day.plusDays(1)));
        long received = jdbc.sql(
                        "SELECT COUNT(*) FROM op_item WHERE tenant_id = 'default' AND received_at >= :f AND received_at < :t")
                .param("f", from)
                .param("t", to)
                .query(Long.class)
                .single();
        long handled = jdbc.sql(
                        "SELECT COUNT(*) FROM op_item WHERE tenant_id = 'default' AND handled_at >= :f AND handled_at < :t")
                .param("f", from)
                .param("t", to)
                .query(Long.class)
                .single();
        return new DayCounts(received, handled);
    }

    /** Departments an item may be forwarded to. */
    public List<DepartmentView> departments() {
        return org.departments();
    }

    // ---------------------------------------------------------------- triage

    /** 排除 with a reason (duty officer). */
    @Transactional
    public OpinionItem dismiss(long id, String reason, StaffMember me) {
        OpinionItem item = get(id, me);
        OpinionStatus next = allowed(item, TriageAction.DISMISS, me);
        String r = required(reason, "reason", "排除理由必填 a reason is required", MAX_TEXT);
        Instant now = clock.instant();
        update(item, next, "dismiss_reason = :reason, handled_at = :now", Map.of("reason", r, "now", DbTime.toDb(now)));
        audit.record("OP_ITEM", String.valueOf(id), "DISMISS", item.status().name(), next + " reason=" + r);
        return load(id);
    }

    /** 转办 to a department with a reply deadline (duty officer); the department's handlers are told. */
    @Transactional
    public OpinionItem forward(long id, Long departmentId, Instant replyDueAt, String note, StaffMember me) {
        OpinionItem item = get(id, me);
        OpinionStatus next = allowed(item, TriageAction.FORWARD, me);
        if (departmentId == null) {
            throw new InvalidInputException("请选择责任单位 choose the unit", "departmentId");
        }
        DepartmentView dept = org.department(departmentId)
                .orElseThrow(() -> new InvalidInputException("责任单位不存在 unknown unit", "departmentId"));
        Instant now = clock.instant();
        if (replyDueAt == null) {
            throw new InvalidInputException("回复期限必填 a reply deadline is required", "replyDueAt");
        }
        if (replyDueAt.isBefore(now.plus(MIN_REPLY_WINDOW))) {
            throw new InvalidInputException(
                    "回复期限须至少在30分钟之后 the deadline must be at least 30 minutes ahead", "replyDueAt");
        }
        if (replyDueAt.isAfter(now.plus(MAX_REPLY_WINDOW))) {
            throw new InvalidInputException("回复期限不超过30天 the deadline is at most 30 days ahead", "replyDueAt");
        }
        String n = trim(note);
        if (n != null && n.length() > MAX_TEXT) {
            throw new InvalidInputException("转办意见不超过" + MAX_TEXT + "字 note too long", "note");
        }
        Map<String, Object> p = new HashMap<>();
        p.put("dept", dept.id());
        p.put("code", dept.code());
        p.put("name", dept.name());
        p.put("note", n);
        p.put("due", DbTime.toDb(replyDueAt));
        p.put("now", DbTime.toDb(now));
        p.put("by", me.username());
        update(
                item,
                next,
                "department_id = :dept, department_code = :code, department_name = :name, forward_note = :note, "
                        + "reply_due_at = :due, forwarded_at = :now, forwarded_by = :by, escalated_at = NULL",
                p);
        audit.record(
                "OP_ITEM",
                String.valueOf(id),
                "FORWARD",
                item.status().name(),
                next + " department=" + dept.code() + " due=" + CityClock.display(replyDueAt));
        List<Recipient> to = handlersOf(dept.id());
        if (!to.isEmpty()) {
            notifications.queue(new Notice(
                    "opinion-forwarded:" + id + ":" + now.toEpochMilli(),
                    NoticeKind.OPINION_FORWARDED,
                    to,
                    Map.of("title", item.title(), "dueAt", CityClock.display(replyDueAt), "link", link(id)),
                    SOURCE,
                    String.valueOf(id)));
        }
        return load(id);
    }

    /** 回复 by a handler of the unit it was forwarded to. */
    @Transactional
    public OpinionItem reply(long id, String text, StaffMember me) {
        OpinionItem item = get(id, me);
        OpinionStatus next = allowed(item, TriageAction.REPLY, me);
        String t = required(text, "reply", "回复内容必填 the reply is required", MAX_TEXT);
        Instant now = clock.instant();
        update(
                item,
                next,
                "reply = :reply, replied_at = :now, replied_by = :by, handled_at = :now",
                Map.of("reply", t, "now", DbTime.toDb(now), "by", me.username()));
        audit.record(
                "OP_ITEM",
                String.valueOf(id),
                "REPLY",
                item.status().name(),
                next + (item.replyLate(now) ? " late" : "") + " reply=" + t);
        return load(id);
    }

    /**
     * 转12319: asks the cases module for a MEDIA-channel case at the given place (duty officer). The category and
     * the place are checked here so a wrong one is a 400 now, not a failure later; the answer comes with
     * {@link CaseOpened}.
     */
    @Transactional
    public OpinionItem requestCase(
            long id, String categoryCode, Double lat, Double lon, String address, StaffMember me) {
        OpinionItem item = get(id, me);
        OpinionStatus next = allowed(item, TriageAction.REQUEST_CASE, me);
        String code = trim(categoryCode) == null ? defaultCategory : categoryCode.strip();
        CategoryView category = catalog.resolve(code)
                .filter(CategoryView::active)
                .orElseThrow(() -> new InvalidInputException("未知的问题类别 unknown category", "categoryCode"));
        Double la = lat == null ? item.lat() : lat;
        Double lo = lon == null ? item.lon() : lon;
        if (la == null || lo == null) {
            throw new InvalidInputException("转12319须有位置 a 12319 case needs a location (lat, lon)", "lat");
        }
        checkInCity(la, lo);
        String addr = trim(address) == null ? item.place() : address.strip();
        if (addr != null && addr.length() > 300) {
            throw new InvalidInputException("地址不超过300字 address at most 300 characters", "address");
        }
        update(item, next, "case_failure = NULL", Map.of());
        audit.record(
                "OP_ITEM",
                String.valueOf(id),
                "REQUEST_CASE",
                item.status().name(),
                next + " category=" + category.code());
        events.publishEvent(new CaseRequested(
                SOURCE, String.valueOf(id), code, caseDescription(item), la, lo, addr, null, CaseChannel.MEDIA));
        return load(id);
    }

    static String caseDescription(OpinionItem item) {
        StringBuilder b = new StringBuilder("【网络舆情】").append(item.title());
        if (item.summary() != null) {
            String s = item.summary();
            b.append('\n').append(s.length() > 600 ? s.substring(0, 600) + "…" : s);
        }
        b.append("\n来源：").append(item.sourceLabel());
        if (item.url() != null) {
            b.append("\n原文：").append(item.url());
        }
        b.append("\n舆情编号：")
                .append(item.id())
                .append("（")
                .append(link(item.id()))
                .append("）");
        return b.toString();
    }

    /** The cases module opened (or could not open) the case: link it to the item. */
    @ApplicationModuleListener
    void on(CaseOpened opened) {
        var ref = opened.refId(SOURCE, "");
        if (ref.isEmpty()) {
            return;
        }
        long id = ref.getAsLong();
        OpinionItem item = find(id).orElse(null);
        if (item == null) {
            return;
        }
        TriageAction action = opened.caseId() == null ? TriageAction.CASE_FAILED : TriageAction.CASE_OPENED;
        TriagePolicy.Verdict v = TriagePolicy.decide(item.status(), action, TriagePolicy.Party.SYSTEM);
        if (!v.allowed()) {
            return; // a replayed answer: the item already moved on
        }
        Map<String, Object> p = new HashMap<>();
        p.put("caseId", opened.caseId());
        p.put("number", opened.caseNumber());
        p.put("failure", opened.failure(300));
        p.put("now", DbTime.toDb(clock.instant()));
        update(
                item,
                v.next(),
                "case_id = :caseId, case_number = :number, case_failure = :failure"
                        + (opened.caseId() == null ? "" : ", handled_at = :now"),
                p);
        audit.record(
                "OP_ITEM",
                String.valueOf(id),
                action.name(),
                item.status().name(),
                v.next()
                        + (opened.caseId() == null
                                ? " failure=" + opened.failure(300)
                                : " case=" + opened.caseNumber()));
    }

    /**
     * 超期督办: every item forwarded whose deadline passed without a reply becomes 回复超期, and its unit's handlers
     * and the leader on duty are told once (the status moves, so a second run finds nothing). Returns how many.
     */
    @Transactional
    public int escalateOverdue() {
        Instant now = clock.instant();
        List<OpinionItem> due = jdbc.sql("SELECT " + COLUMNS + " FROM op_item i WHERE i.status = 'FORWARDED' "
                        + "AND i.reply_due_at < :now ORDER BY i.reply_due_at LIMIT 500")
                .param("now", DbTime.toDb(now))
                .query(this::row)
                .list();
        int n = 0;
        LocalDate today = LocalDate.ofInstant(now, CityClock.ZONE);
        List<Recipient> leaders = new ArrayList<>();
        roster.leaderOn(today)
                .ifPresentOrElse(
                        u -> leaders.add(new Recipient.Staff(u)),
                        () -> org.staffWithRole(Role.LEADER)
                                .forEach(s -> leaders.add(new Recipient.Staff(s.username()))));
        for (OpinionItem item : due) {
            TriagePolicy.Verdict v =
                    TriagePolicy.decide(item.status(), TriageAction.ESCALATE, TriagePolicy.Party.SYSTEM);
            if (!v.allowed()) {
                continue;
            }
            try {
                update(item, v.next(), "escalated_at = :now", Map.of("now", DbTime.toDb(now)));
            } catch (ConflictException movedMeanwhile) {
                continue; // replied or escalated by another run since it was read
            }
            audit.record(
                    "OP_ITEM",
                    String.valueOf(item.id()),
                    "ESCALATE",
                    item.status().name(),
                    v.next() + " due=" + CityClock.display(item.replyDueAt()));
            List<Recipient> to = new ArrayList<>(handlersOf(item.departmentId()));
            to.addAll(leaders);
            if (!to.isEmpty()) {
                notifications.queue(new Notice(
                        "opinion-overdue:" + item.id() + ":"
                                + item.forwardedAt().toEpochMilli(),
                        NoticeKind.OPINION_REPLY_OVERDUE,
                        to,
                        Map.of(
                                "title",
                                item.title(),
                                "dueAt",
                                CityClock.display(item.replyDueAt()),
                                "link",
                                link(item.id())),
                        SOURCE,
                        String.valueOf(item.id())));
            }
            n++;
        }
        return n;
    }

    // ---------------------------------------------------------------- helpers

    private OpinionStatus allowed(OpinionItem item, TriageAction action, StaffMember me) {
        TriagePolicy.Party who = OpinionAccess.party(me, item);
        TriagePolicy.Verdict v = TriagePolicy.decide(item.status(), action, who);
        if (!v.allowed()) {
            if (who == TriagePolicy.Party.OTHER
                    || (who != TriagePolicy.Party.SYSTEM
                            && action == TriageAction.REPLY
                            && who != TriagePolicy.Party.UNIT)
                    || (action != TriageAction.REPLY && who == TriagePolicy.Party.UNIT)) {
                throw new AccessDeniedToEntityException(v.reason());
            }
            throw new ConflictException(v.reason(), "status");
        }
        return v.next();
    }

    private void update(OpinionItem item, OpinionStatus next, String set, Map<String, Object> params) {
        Map<String, Object> p = new HashMap<>(params);
        p.put("id", item.id());
        p.put("v", item.version());
        p.put("status", next.name());
        int n = jdbc.sql("UPDATE op_item SET status = :status, version = version + 1"
                        + (set.isBlank() ? "" : ", " + set) + " WHERE id = :id AND version = :v")
                .params(p)
                .update();
        if (n == 0) {
            throw new ConflictException("该舆情已被他人修改，请刷新后重试 the item was changed meanwhile, reload and retry");
        }
    }

    private List<Recipient> handlersOf(Long departmentId) {
        if (departmentId == null) {
            return List.of();
        }
        return org.staffWithRole(Role.HANDLER).stream()
                .filter(s -> departmentId.equals(s.departmentId()))
                .map(s -> (Recipient) new Recipient.Staff(s.username()))
                .toList();
    }

    static String link(long id) {
        return "/opinion/items/" + id;
    }

    private Optional<OpinionItem> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM op_item i WHERE i.id = :id")
                .param("id", id)
                .query(this::row)
                .optional();
    }

    private OpinionItem load(long id) {
        return find(id).orElseThrow(() -> new NotFoundException("舆情不存在 item not found"));
    }

    private static Instant startOf(LocalDate day) {
        return day.atStartOfDay(CityClock.ZONE).toInstant();
    }

    private static String required(String text, String field, String message, int max) {
        String t = trim(text);
        if (t == null) {
            throw new InvalidInputException(message, field);
        }
        if (t.length() > max) {
            throw new InvalidInputException("内容不超过" + max + "字 at most " + max + " characters", field);
        }
        return t;
    }

    private static String trim(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime v = rs.getObject(column, OffsetDateTime.class);
        return v == null ? null : DbTime.fromDb(v);
    }

    private static Double dbl(ResultSet rs, String column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? null : v;
    }

    private static Long lng(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    private OpinionItem row(ResultSet rs, int n) throws SQLException {
        return new OpinionItem(
                rs.getLong("id"),
                rs.getString("title"),
                OpinionSource.valueOf(rs.getString("source")),
                rs.getString("feed_name"),
                rs.getString("url"),
                rs.getString("summary"),
                instant(rs, "published_at"),
                instant(rs, "received_at"),
                rs.getString("place"),
                dbl(rs, "lat"),
                dbl(rs, "lon"),
                OpinionLevel.valueOf(rs.getString("level")),
                OpinionStatus.valueOf(rs.getString("status")),
                rs.getString("created_by"),
                rs.getString("dismiss_reason"),
                lng(rs, "department_id"),
                rs.getString("department_name"),
                rs.getString("forward_note"),
                instant(rs, "reply_due_at"),
                instant(rs, "forwarded_at"),
                rs.getString("forwarded_by"),
                rs.getString("reply"),
                instant(rs, "replied_at"),
                rs.getString("replied_by"),
                instant(rs, "escalated_at"),
                lng(rs, "case_id"),
                rs.getString("case_number"),
                rs.getString("case_failure"),
                rs.getInt("version"));
    }
}
