package org.cityops.cases.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.cityops.audit.AuditTrail;
import org.cityops.org.StaffMember;
import org.cityops.platform.AccessDeniedToEntityException;
import org.cityops.platform.ConflictException;
import org.cityops.platform.InvalidInputException;
import org.cityops.platform.NotFoundException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The case use cases, as the web, the demo and other modules' requests call them: intake ({@link CaseIntake}),
 * a step of the lifecycle ({@link CaseTransitions}), photos, reads. Each change commits the aggregate, its step
 * records, the audit entries and the domain events in one transaction, and answers only after commit.
 */
@Service
public class CaseService {

    public static final int MAX_DESCRIPTION = 2000;

    private static final Set<String> PHOTO_KINDS = Set.of("REPORT", "HANDLED", "CHECK");

    private final CaseIntake intake;
    private final CaseTransitions transitions;
    private final CaseRepository cases;
    private final CasePhotos photos;
    private final CaseViews views;
    private final CaseQueries queries;
    private final AuditTrail audit;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final double duplicateRadiusMeters;
    private final Duration duplicateWindow;

    CaseService(
            CaseIntake intake,
            CaseTransitions transitions,
            CaseRepository cases,
            CasePhotos photos,
            CaseViews views,
            CaseQueries queries,
            AuditTrail audit,
            Clock clock,
            PlatformTransactionManager tm,
            @Value("${cityops.cases.duplicate.radius-meters:100}") double radius,
            @Value("${cityops.cases.duplicate.window:P3D}") Duration window) {
        this.intake = intake;
        this.transitions = transitions;
        this.cases = cases;
        this.photos = photos;
        this.views = views;
        this.queries = queries;
        this.audit = audit;
        this.clock = clock;
        this.tx = new TransactionTemplate(tm);
        this.duplicateRadiusMeters = radius;
        this.duplicateWindow = window;
    }

    /**
     * Result of an intake: the case, whether this was a replay of an earlier submission, and the case as its
     * creator sees it (for a replay too).
     */
    public record Intake(long caseId, String caseNumber, boolean replay, CaseView view) {}

    /**
     * 受理. {@code idempotencyKey} (optional): a replay with the same key and body returns the first case; the
     * same key with a different body is a 409.
     */
    public Intake intake(NewCase in, StaffMember who, String idempotencyKey, String sourceModule, String sourceRef) {
        return intake(in, who, idempotencyKey, sourceModule, sourceRef, null);
    }

    /** Intake with a photo, stored in the same transaction as the case. */
    public Intake intake(
            NewCase in, StaffMember who, String idempotencyKey, String sourceModule, String sourceRef, byte[] photo) {
        return intake.intake(in, who, idempotencyKey, sourceModule, sourceRef, photo);
    }

    /** One step of the lifecycle; 403 (scope/role), 409 (illegal or concurrent), 400 (missing input). */
    public CaseView transition(long caseId, TransitionRequest req, StaffMember who) {
        return transition(caseId, req, who, null, null);
    }

    /**
     * One step with the version the caller saw ({@code expectedVersion}, optional: 409 when the case moved on) and
     * a photo sent with it (optional: HANDLED for 处置反馈, CHECK for 核查, else REPORT). The photo is checked
     * before the transaction; the version is compared, and the photo stored, inside the step's transaction and
     * only after the step was allowed, so a refused or concurrent step leaves neither step nor photo behind.
     */
    public CaseView transition(
            long caseId, TransitionRequest req, StaffMember who, Long expectedVersion, byte[] photo) {
        return transitions.transition(caseId, req, who, expectedVersion, photo);
    }

    public CaseView get(long caseId, StaffMember who) {
        Case c = load(caseId);
        if (!CaseScope.sees(who, c)) {
            throw new AccessDeniedToEntityException("无权访问该案卷 case outside your data scope");
        }
        return views.of(c, who);
    }

    /** The case just taken in, as its creator sees it (the creator may see what it created). */
    public CaseView created(long caseId, StaffMember who) {
        return views.of(load(caseId), who);
    }

    public Optional<Long> idOf(String number) {
        return cases.findByNumber(number).map(Case::id);
    }

    Case load(long caseId) {
        return cases.find(caseId).orElseThrow(() -> new NotFoundException("案卷不存在 case not found"));
    }

    /** A photo as stored. */
    public record Photo(long id, long caseId, String kind, String contentType, byte[] data) {}

    /** Checks a photo before anything is written (400 when not acceptable); returns its sniffed type. */
    public static String checkPhoto(byte[] data) {
        return Photos.check(data);
    }

    /** Adds a photo (REPORT, HANDLED or CHECK) to a case the performer may see. */
    public long addPhoto(long caseId, String kind, byte[] data, StaffMember who) {
        String type = Photos.check(data);
        String k = kind == null ? "REPORT" : kind.strip().toUpperCase(Locale.ROOT);
        if (!PHOTO_KINDS.contains(k)) {
            throw new InvalidInputException("照片类型应为REPORT/HANDLED/CHECK kind must be REPORT, HANDLED or CHECK", "kind");
        }
        return tx.execute(s -> {
            Case c = load(caseId);
            if (!CaseScope.sees(who, c)) {
                throw new AccessDeniedToEntityException("无权访问该案卷 case outside your data scope");
            }
            if (c.status.isFinal()) {
                throw new ConflictException("案卷已归档 case is archived", null);
            }
            long id = photos.insert(caseId, k, type, data, who.username(), clock.instant());
            audit.record("CASE", c.number, "PHOTO", null, "photo=" + id + " kind=" + k + " bytes=" + data.length);
            return id;
        });
    }

    /**
     * A photo of a case the performer may see ({@code who} null: public access, handling photos (处置照片) only;
     * a report photo may show people or number plates and a CHECK photo is internal, so both are then answered
     * as not found — the same rule as Open311's media).
     */
    public Photo photo(long caseId, long photoId, StaffMember who) {
        Case c = load(caseId);
        if (who != null && !CaseScope.sees(who, c)) {
            throw new AccessDeniedToEntityException("无权访问该案卷 case outside your data scope");
        }
        return photos.find(caseId, photoId, who == null)
                .orElseThrow(() -> new NotFoundException("照片不存在 photo not found"));
    }

    /** Open cases of the same category near a case, reported within the duplicate window (重复上报 candidates). */
    public List<CaseRow> duplicates(long caseId, StaffMember who) {
        Case c = load(caseId);
        if (!CaseScope.sees(who, c)) {
            throw new AccessDeniedToEntityException("无权访问该案卷 case outside your data scope");
        }
        return queries.duplicatesOf(
                c.id, c.categoryId, c.lat, c.lon, c.createdAt, duplicateRadiusMeters, duplicateWindow, who);
    }
}
