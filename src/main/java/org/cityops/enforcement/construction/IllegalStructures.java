package org.cityops.enforcement.construction;

import java.math.BigDecimal;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cityops.audit.AuditTrail;
import org.cityops.enforcement.document.DocumentType;
import org.cityops.enforcement.document.DocumentView;
import org.cityops.enforcement.document.EnforcementDocuments;
import org.cityops.enforcement.document.StructureFacts;
import org.cityops.geo.GridLocation;
import org.cityops.geo.GridLocator;
import org.cityops.org.OrgDirectory;
import org.cityops.org.RecordKind;
import org.cityops.org.ScopeColumns;
import org.cityops.org.ScopeFilter;
import org.cityops.org.ScopeRule;
import org.cityops.org.StaffMember;
import org.cityops.platform.AccessDeniedToEntityException;
import org.cityops.platform.CityClock;
import org.cityops.platform.ConflictException;
import org.cityops.platform.InvalidInputException;
import org.cityops.platform.NotFoundException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 违法建设治理: the register of illegal structures (placed in a grid by their outline, seen by area through
 * {@link ScopeRule}), demolition orders with deadlines (逾期 listed), 拆除/整改 recorded with before and after photos
 * (each photo's SHA-256 in the audit trail), outbound notices (不动产登记限制, 信用惩戒) as documents and a log, the
 * figures per district. Every change is in the audit trail ({@code ENF_STRUCTURE}).
 */
@Service
public class IllegalStructures {

    static final ScopeColumns COLUMNS = new ScopeColumns("s.grid_code", "s.district_code", null, null, null);
    static final Set<String> PHOTO_TYPES = Set.of("image/jpeg", "image/png");
    static final int MAX_PHOTO = 5 * 1024 * 1024;

    private final StructureStore store;
    private final GridLocator grids;
    private final EnforcementDocuments documents;
    private final OrgDirectory org;
    private final AuditTrail audit;
    private final Clock clock;
    private final String authority;

    IllegalStructures(
            StructureStore store,
            GridLocator grids,
            EnforcementDocuments documents,
            OrgDirectory org,
            AuditTrail audit,
            Clock clock,
            @Value("${cityops.enforcement.authority:常州市城市管理综合行政执法支队}") String authority) {
        this.store = store;
        this.grids = grids;
        this.documents = documents;
        this.org = org;
        this.audit = audit;
        this.clock = clock;
        this.authority = authority;
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(CityClock.ZONE));
    }

    @Transactional
    public StructureViews.Structure register(NewStructure in, StaffMember me) {
        require(in.kind() != null, "须选择违建类型 choose a kind", "kind");
        require(in.foundBy() != null, "须选择发现方式 choose how it was found", "foundBy");
        require(in.address() != null && !in.address().isBlank(), "须填写地址 give the address", "address");
        require(
                in.foundOn() != null && !in.foundOn().isAfter(today()),
                "发现日期不能晚于今天 the date is in the future",
                "foundOn");
        StructureStatus status = in.status() == null ? StructureStatus.BUILT : in.status();
        require(status.standing(), "登记时须为在建或已建 a structure is registered standing", "status");
        require(
                in.areaM2() != null && in.areaM2().signum() > 0 && in.areaM2().compareTo(new BigDecimal("1000000")) < 0,
                "面积须大于0 the area must be positive",
                "areaM2");
        String problem = Outline.problem(in.outline());
        if (problem != null) {
            throw new InvalidInputException(problem, "outline");
        }
        Outline outline = Outline.of(in.outline());
        GridLocation where = grids.locate(outline.lat(), outline.lon())
                .orElseThrow(() -> new InvalidInputException("位置不在本市网格内 the place lies in no grid", "outline"));
        if (!scope(me).matches(where.gridCode(), null, null)) {
            throw new AccessDeniedToEntityException("该位置不在您的辖区 the place is outside your area", "outline");
        }
        NewStructure clean = new NewStructure(
                in.kind(),
                status,
                in.foundBy(),
                in.sourceCaseNumber(),
                in.enforcementCaseId(),
                in.partyName(),
                in.address(),
                in.outline(),
                in.areaM2(),
                in.foundOn(),
                in.note());
        long id =
                store.insert(clean, outline, where.gridCode(), where.districtCode(), me.username(), Instant.now(clock));
        StructureViews.Structure s = store.find(id).orElseThrow();
        audit.record(
                "ENF_STRUCTURE",
                s.code(),
                "CREATE",
                null,
                s.kindLabel() + " " + s.statusLabel() + " "
                        + s.areaM2().stripTrailingZeros().toPlainString() + "㎡ " + s.address()
                        + (s.sourceCaseNumber() == null ? "" : " 12319 " + s.sourceCaseNumber()));
        return s;
    }

    @Transactional(readOnly = true)
    public List<StructureViews.Row> list(StaffMember me, StructureStatus status, String district, int limit) {
        Map<String, Object> params = new HashMap<>();
        StringBuilder where = new StringBuilder(scope(me).sql(COLUMNS, params));
        if (status != null) {
            where.append(" AND s.status = :status");
            params.put("status", status.name());
        }
        if (district != null && !district.isBlank()) {
            where.append(" AND s.district_code = :district");
            params.put("district", district);
        }
        List<StructureViews.Structure> found = store.list(where.toString(), params, Math.max(1, Math.min(limit, 2000)));
        LocalDate today = today();
        Map<Long, StructureViews.Order> open = new HashMap<>();
        for (StructureViews.Order o :
                store.orders(found.stream().map(StructureViews.Structure::id).toList(), today)) {
            if (o.doneOn() == null) {
                open.put(o.structureId(), o);
            }
        }
        return found.stream()
                .map(s -> new StructureViews.Row(s, open.get(s.id())))
                .toList();
    }

    /** Demolition orders past their deadline and not done, oldest deadline first. */
    @Transactional(readOnly = true)
    public List<StructureViews.Order> overdue(StaffMember me) {
        Map<String, Object> params = new HashMap<>();
        return store.overdue(scope(me).sql(COLUMNS, params), params, today());
    }

    @Transactional(readOnly = true)
    public List<StructureViews.DistrictRow> byDistrict(StaffMember me) {
        Map<String, Object> params = new HashMap<>();
        return store.byDistrict(scope(me).sql(COLUMNS, params), params, today());
    }

    @Transactional(readOnly = true)
    public StructureViews.Detail detail(long id, StaffMember me) {
        StructureViews.Structure s = visible(id, me);
        return new StructureViews.Detail(
                s,
                store.orders(List.of(id), today()),
                store.photos(id),
                store.notices(id),
                documents.list(DocumentType.Owner.STRUCTURE, id, me),
                today());
    }

    /** 在建 → 已建. */
    @Transactional
    public StructureViews.Structure markBuilt(long id, StaffMember me) {
        StructureViews.Structure s = locked(id, me);
        change(s, StructureStatus.BUILT);
        store.setStatus(id, StructureStatus.BUILT);
        audit.record("ENF_STRUCTURE", s.code(), "STATUS", s.status().name(), StructureStatus.BUILT.label());
        return store.find(id).orElseThrow();
    }

    /** 限期拆除: an order with its deadline and its 限期拆除决定书 (drafted, then the approval chain). */
    @Transactional
    public DocumentView orderDemolition(long id, LocalDate deadline, String note, StaffMember me) {
        StructureViews.Structure s = locked(id, me);
        if (!s.status().standing()) {
            throw new ConflictException("该违建已拆除或已整改 the structure is no longer standing", "status");
        }
        require(
                deadline != null && deadline.isAfter(today()),
                "拆除期限须晚于今天 the deadline must be after today",
                "deadline");
        boolean open = store.orders(List.of(id), today()).stream().anyMatch(o -> o.doneOn() == null);
        if (open) {
            throw new ConflictException("已有未完成的限期拆除决定 an open demolition order exists", "deadline");
        }
        long orderId = store.insertOrder(id, today(), deadline, note, me.username(), Instant.now(clock));
        audit.record("ENF_STRUCTURE", s.code(), "ORDER", null, "限期拆除至 " + deadline);
        return documents.draftForStructure(
                id, DocumentType.DEMOLITION_ORDER, "order-" + orderId, facts(s, deadline, null), me);
    }

    /** A before (BEFORE) or after (AFTER) photo; its SHA-256 goes into the audit trail. */
    @Transactional
    public StructureViews.Photo addPhoto(long id, String phase, String contentType, byte[] data, StaffMember me) {
        StructureViews.Structure s = locked(id, me);
        require("BEFORE".equals(phase) || "AFTER".equals(phase), "照片须注明拆除前或拆除后 BEFORE or AFTER", "phase");
        require(contentType != null && PHOTO_TYPES.contains(contentType), "照片须为JPEG或PNG a JPEG or PNG photo", "file");
        if (data == null || data.length == 0 || data.length > MAX_PHOTO) {
            throw new InvalidInputException("照片须小于5MB the photo is 5 MB at most", "file");
        }
        String sha = sha256(data);
        long pid = store.insertPhoto(id, phase, contentType, data, sha, me.username(), Instant.now(clock));
        audit.record("ENF_STRUCTURE", s.code(), "PHOTO", null, phase + " SHA-256 " + sha);
        return store.photos(id).stream().filter(p -> p.id() == pid).findFirst().orElseThrow();
    }

    @Transactional(readOnly = true)
    public StructureViews.PhotoBytes photo(long id, long photoId, StaffMember me) {
        visible(id, me);
        return store.photo(id, photoId).orElseThrow(() -> new NotFoundException("照片不存在 photo not found"));
    }

    /** 已拆除 / 已整改: needs a before and an after photo; closes the open orders. */
    @Transactional
    public StructureViews.Structure recordOutcome(long id, StructureStatus outcome, LocalDate on, StaffMember me) {
        StructureViews.Structure s = locked(id, me);
        require(
                outcome == StructureStatus.DEMOLISHED || outcome == StructureStatus.RECTIFIED,
                "结果须为已拆除或已整改 the outcome is DEMOLISHED or RECTIFIED",
                "outcome");
        LocalDate day = on == null ? today() : on;
        require(!day.isAfter(today()) && !day.isBefore(s.foundOn()), "日期须在发现日期与今天之间 the date is out of range", "on");
        change(s, outcome);
        List<StructureViews.Photo> photos = store.photos(id);
        boolean before = photos.stream().anyMatch(p -> p.phase().equals("BEFORE"));
        boolean after = photos.stream().anyMatch(p -> p.phase().equals("AFTER"));
        if (!before || !after) {
            throw new ConflictException("须先上传拆除（整改）前后照片 upload a before and an after photo first", "photos");
        }
        store.setOutcome(id, outcome, day);
        store.closeOrders(id, day);
        audit.record("ENF_STRUCTURE", s.code(), "OUTCOME", s.status().name(), outcome.label() + " " + day);
        return store.find(id).orElseThrow();
    }

    /**
     * An outbound notice as a document (then its approval chain) and a log line; nothing is sent anywhere. 信用惩戒
     * needs an overdue demolition order (逾期不拆); each kind once per structure (409).
     */
    @Transactional
    public DocumentView sendNotice(long id, NoticeKind kind, String recipient, StaffMember me) {
        StructureViews.Structure s = locked(id, me);
        require(kind != null, "须选择告知类型 choose the notice", "kind");
        if (!s.status().standing()) {
            throw new ConflictException("该违建已拆除或已整改 the structure is no longer standing", "kind");
        }
        if (store.noticeSent(id, kind)) {
            throw new ConflictException("该告知已发出 this notice was already sent", "kind");
        }
        if (kind == NoticeKind.CREDIT_PENALTY
                && store.orders(List.of(id), today()).stream().noneMatch(StructureViews.Order::overdue)) {
            throw new ConflictException("信用惩戒须有逾期未拆的限期拆除决定 a credit penalty needs an overdue demolition order", "kind");
        }
        String to = recipient == null || recipient.isBlank() ? kind.defaultRecipient() : recipient.trim();
        DocumentView doc = documents.draftForStructure(id, kind.document(), kind.name(), facts(s, null, to), me);
        store.insertNotice(id, kind, to, doc.id(), me.username(), Instant.now(clock));
        audit.record("ENF_STRUCTURE", s.code(), "NOTICE", null, kind.label() + " → " + to + "（未调用外部系统）");
        return doc;
    }

    private StructureFacts facts(StructureViews.Structure s, LocalDate deadline, String recipient) {
        String district = org.unit(s.districtCode()).map(u -> u.name()).orElse(s.districtCode());
        return new StructureFacts(
                authority,
                s.code(),
                s.kindLabel(),
                s.statusLabel(),
                s.partyName(),
                s.address(),
                district,
                s.areaM2(),
                s.foundOn(),
                deadline,
                recipient,
                today());
    }

    private static void change(StructureViews.Structure s, StructureStatus to) {
        if (!s.status().mayBecome(to)) {
            throw new ConflictException(
                    "违建状态不能从" + s.status().label() + "变为" + to.label() + " the status cannot change so", "status");
        }
    }

    StructureViews.Structure visible(long id, StaffMember me) {
        StructureViews.Structure s =
                store.find(id).orElseThrow(() -> new NotFoundException("违建不存在 structure not found"));
        if (!scope(me).matches(s.gridCode(), null, null)) {
            throw new NotFoundException("违建不存在 structure not found");
        }
        return s;
    }

    private StructureViews.Structure locked(long id, StaffMember me) {
        visible(id, me);
        return store.lock(id).orElseThrow();
    }

    static ScopeFilter scope(StaffMember me) {
        return ScopeRule.filter(me, RecordKind.AREA);
    }

    private static void require(boolean ok, String text, String field) {
        if (!ok) {
            throw new InvalidInputException(text, field);
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
