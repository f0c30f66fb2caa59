package org.cityops.cases.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.cityops.audit.AuditTrail;
import org.cityops.audit.RecordDigest;
import org.cityops.catalog.Catalog;
import org.cityops.catalog.CategoryView;
import org.cityops.geo.GridLocation;
import org.cityops.geo.GridLocator;
import org.cityops.org.OrgDirectory;
import org.cityops.org.StaffMember;
import org.cityops.platform.DbTime;
import org.cityops.platform.InvalidInputException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 受理: takes a case in from any channel. The input is checked and the case number drawn before the transaction;
 * the case, its 受理 step, the 指派监督员 step of the grid's inspector (when the case waits for 核实), the
 * idempotency record, the photo, the audit entries and the events commit together. A replay of an earlier
 * submission (same key and body) answers with that case, as its creator sees it.
 */
@Component
class CaseIntake {

    private final CaseRepository cases;
    private final CaseNumbers numbers;
    private final Deadlines deadlines;
    private final Catalog catalog;
    private final GridLocator locator;
    private final OrgDirectory org;
    private final AuditTrail audit;
    private final StepEvents events;
    private final IdempotencyRecords idempotency;
    private final CasePhotos photos;
    private final CaseViews views;
    private final Clock clock;
    private final TransactionTemplate tx;

    CaseIntake(
            CaseRepository cases,
            CaseNumbers numbers,
            Deadlines deadlines,
            Catalog catalog,
            GridLocator locator,
            OrgDirectory org,
            AuditTrail audit,
            StepEvents events,
            IdempotencyRecords idempotency,
            CasePhotos photos,
            CaseViews views,
            Clock clock,
            PlatformTransactionManager tm) {
        this.cases = cases;
        this.numbers = numbers;
        this.deadlines = deadlines;
        this.catalog = catalog;
        this.locator = locator;
        this.org = org;
        this.audit = audit;
        this.events = events;
        this.idempotency = idempotency;
        this.photos = photos;
        this.views = views;
        this.clock = clock;
        this.tx = new TransactionTemplate(tm);
    }

    CaseService.Intake intake(
            NewCase in, StaffMember who, String idempotencyKey, String sourceModule, String sourceRef, byte[] photo) {
        Checked checked = check(in);
        String photoType = photo == null || photo.length == 0 ? null : Photos.check(photo);
        String key = IdempotencyRecords.scoped(who.username(), idempotencyKey);
        String hash = key == null ? null : IdempotencyRecords.hash(in);
        if (key != null) {
            Optional<CaseService.Intake> earlier = replay(key, hash, who);
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        // drawn before the transaction: a new block of numbers takes its own short transaction, which must not wait
        // for a second connection while this intake holds one (a number left unused is skipped, as at shutdown)
        String number = numbers.next();
        try {
            return tx.execute(
                    s -> create(in, checked, number, who, key, hash, sourceModule, sourceRef, photoType, photo));
        } catch (DuplicateKeyException raced) {
            if (key != null) {
                return replay(key, hash, who).orElseThrow(() -> raced);
            }
            throw raced;
        }
    }

    private Optional<CaseService.Intake> replay(String key, String hash, StaffMember who) {
        return idempotency
                .caseOf(key, hash)
                .flatMap(cases::find)
                .map(c -> new CaseService.Intake(c.id, c.number, true, views.of(c, who)));
    }

    private record Checked(CategoryView category, GridLocation location) {}

    private Checked check(NewCase in) {
        if (in == null) {
            throw new InvalidInputException("请求为空 empty request", null);
        }
        if (in.channel() == null) {
            throw new InvalidInputException("缺少来源 channel is required", "channel");
        }
        if (in.categoryCode() == null || in.categoryCode().isBlank()) {
            throw new InvalidInputException("缺少问题类别 categoryCode is required", "categoryCode");
        }
        CategoryView category = catalog.resolve(in.categoryCode().strip())
                .filter(CategoryView::active)
                .orElseThrow(() -> new InvalidInputException(
                        "未知的问题类别 unknown category '" + in.categoryCode() + "'", "categoryCode"));
        if (in.description() == null || in.description().isBlank()) {
            throw new InvalidInputException("缺少问题描述 description is required", "description");
        }
        if (in.description().length() > CaseService.MAX_DESCRIPTION) {
            throw new InvalidInputException(
                    "问题描述过长（最多" + CaseService.MAX_DESCRIPTION + "字） description longer than "
                            + CaseService.MAX_DESCRIPTION,
                    "description");
        }
        if (in.lat() == null || in.lon() == null) {
            throw new InvalidInputException("缺少位置 location (lat, lon) is required", in.lat() == null ? "lat" : "lon");
        }
        if (in.lat().isNaN() || in.lon().isNaN() || Math.abs(in.lat()) > 90 || Math.abs(in.lon()) > 180) {
            throw new InvalidInputException("坐标不合法 lat/lon out of range", "lat");
        }
        GridLocation location = locator.locate(in.lat(), in.lon())
                .orElseThrow(() -> new InvalidInputException("位置不在本市网格内 location is outside the city", "lat"));
        if (in.address() != null && in.address().length() > 300) {
            throw new InvalidInputException("地址过长 address longer than 300", "address");
        }
        if (in.reporterName() != null && in.reporterName().length() > 100) {
            throw new InvalidInputException("姓名过长 reporter name longer than 100", "reporter.name");
        }
        if (in.reporterPhone() != null && in.reporterPhone().length() > 40) {
            throw new InvalidInputException("电话过长 reporter phone longer than 40", "reporter.phone");
        }
        return new Checked(category, location);
    }

    private CaseService.Intake create(
            NewCase in,
            Checked checked,
            String number,
            StaffMember who,
            String key,
            String hash,
            String sourceModule,
            String sourceRef,
            String photoType,
            byte[] photo) {
        Instant now = DbTime.toDb(clock.instant()).toInstant();
        CategoryView cat = checked.category();
        Case c = Case.report(
                in.channel(),
                cat.id(),
                cat.qualifiedCode(),
                cat.name(),
                in.urgency(),
                in.description().strip(),
                in.lat(),
                in.lon(),
                blankToNull(in.address()),
                now);
        GridLocation g = checked.location();
        c.gridCode = g.gridCode();
        c.communityCode = g.communityCode();
        c.streetCode = g.streetCode();
        c.streetName = g.streetName();
        c.districtCode = g.districtCode();
        c.districtName = g.districtName();
        c.reporterName = blankToNull(in.reporterName());
        c.reporterPhone = blankToNull(in.reporterPhone());
        c.reporterUsername = who.username();
        c.sourceModule = sourceModule;
        c.sourceRef = sourceRef;
        c.number = number;
        String role = who.roles().isEmpty()
                ? (who.isSystem() ? "SYSTEM" : "PUBLIC")
                : who.roles().stream().map(Enum::name).sorted().findFirst().orElse("");
        StepRecord step = c.opened(who, role, deadlines);
        String verifier = TransitionPolicy.awaitsInspector(c.status)
                ? org.inspectorFor(c.gridCode).orElse(null)
                : null;
        StepRecord assigned = verifier == null
                ? null
                : c.assignDefault(verifier, staffActor(who, role), staffRole(who, role), now, deadlines);
        cases.insert(c);
        // 受理 and 指派监督员 in one batch
        List<RecordDigest> rows = cases.insertSteps(c.id, assigned == null ? List.of(step) : List.of(step, assigned));
        if (key != null) {
            idempotency.record(key, hash, c.id, now);
        }
        audit.record(
                "CASE",
                c.number,
                "INTAKE",
                null,
                "status=" + c.status + " channel=" + c.channel + " category=" + c.categoryCode + " grid=" + c.gridCode,
                rows.get(0));
        events.reported(c, who.username(), role, now);
        if (assigned != null) {
            audit.record(
                    "CASE",
                    c.number,
                    assigned.action(),
                    "status=" + c.status,
                    "status=" + c.status + " inspector=" + assigned.inspector(),
                    rows.get(1));
            events.completed(c, assigned, null, now);
        }
        List<Long> photoIds = List.of();
        if (photoType != null) {
            photoIds = List.of(photos.insert(c.id, "REPORT", photoType, photo, who.username(), clock.instant()));
        }
        // a case taken in just now has no alerts yet
        return new CaseService.Intake(c.id, c.number, false, views.of(c, who, List.of(step), photoIds, List.of()));
    }

    /** Who sends the 核实 task of a new case: the staff member who took it in, else the platform. */
    private static StaffMember staffActor(StaffMember who, String role) {
        return "PUBLIC".equals(role) || "SYSTEM".equals(role) || who.roles().isEmpty() ? StaffMember.SYSTEM : who;
    }

    private static String staffRole(StaffMember who, String role) {
        return staffActor(who, role).isSystem() ? "SYSTEM" : role;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
