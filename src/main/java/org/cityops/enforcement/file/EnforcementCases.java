package org.cityops.enforcement.file;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.cityops.audit.AuditTrail;
import org.cityops.cases.CaseReferralConcluded;
import org.cityops.cases.CaseReferred;
import org.cityops.enforcement.discretion.Tier;
import org.cityops.enforcement.discretion.TierBenchmark;
import org.cityops.enforcement.discretion.ViolationCatalogue;
import org.cityops.enforcement.discretion.ViolationItem;
import org.cityops.enforcement.party.PartyIds;
import org.cityops.enforcement.procedure.CaseFile;
import org.cityops.enforcement.procedure.ClockKind;
import org.cityops.enforcement.procedure.ClockStatus;
import org.cityops.enforcement.procedure.DayCalendar;
import org.cityops.enforcement.procedure.ProcedureEvent;
import org.cityops.enforcement.procedure.ProcedurePolicy;
import org.cityops.enforcement.procedure.ProcedureSettings;
import org.cityops.enforcement.procedure.Refusal;
import org.cityops.enforcement.procedure.Stage;
import org.cityops.enforcement.procedure.StatutoryClock;
import org.cityops.enforcement.procedure.Step;
import org.cityops.enforcement.procedure.StepInput;
import org.cityops.geo.GridLocation;
import org.cityops.geo.GridLocator;
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
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Enforcement cases (行政处罚案件): open one (directly or from a 12319 case), list them with live clocks in the
 * caller's area (a case is placed by its grid), show a case file, take a step. Each step is asked of
 * {@link ProcedurePolicy} first; a refusal is a 409 (or a 400 for missing input) naming its article. Every change is
 * in the audit trail.
 *
 * <p>Over 400 lines: one service per enforcement case's lifecycle (open, act, list, detail) with its scope and audit in one place; the
 * transfer events and the list's clock paging could move out (to do).
 */
@Service
public class EnforcementCases {

    static final ScopeColumns COLUMNS = new ScopeColumns("grid_code", "district_code", null, null, null);
    private static final int MAX_PAGE = 200;

    private final EnforcementStore store;
    private final ViolationCatalogue catalogue;
    private final GridLocator grids;
    private final AuditTrail audit;
    private final DayCalendar days;
    private final ProcedureSettings settings;
    private final Clock clock;
    private final ApplicationEventPublisher publisher;

    EnforcementCases(
            EnforcementStore store,
            ViolationCatalogue catalogue,
            GridLocator grids,
            AuditTrail audit,
            DayCalendar days,
            ProcedureSettings settings,
            Clock clock,
            ApplicationEventPublisher publisher) {
        this.store = store;
        this.catalogue = catalogue;
        this.grids = grids;
        this.audit = audit;
        this.days = days;
        this.settings = settings;
        this.clock = clock;
        this.publisher = publisher;
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(CityClock.ZONE));
    }

    public ProcedureSettings settings() {
        return settings;
    }

    /** Opens a case (待立案). The party's identifier is checked, the place must lie in a grid of the city. */
    @Transactional
    public EnforcementCase open(NewEnforcementCase in, StaffMember me) {
        PartyIds.problem(in.partyKind(), in.partyId()).ifPresent(p -> {
            throw new InvalidInputException(p, "partyId");
        });
        ViolationItem item = catalogue
                .find(in.itemCode())
                .orElseThrow(() -> new InvalidInputException("违法行为不存在 unknown violation item", "itemCode"));
        GridLocation where = grids.locate(in.lat(), in.lon())
                .orElseThrow(() -> new InvalidInputException("位置不在本市网格内 the place lies in no grid", "lat"));
        if (!scope(me).matches(where.gridCode(), null, null)) {
            throw new AccessDeniedToEntityException("该位置不在您的辖区 the place is outside your area", "lat");
        }
        if (in.discoveredOn().isAfter(today())) {
            throw new InvalidInputException("发现日期不能晚于今天 the discovery date is in the future", "discoveredOn");
        }
        if (in.violationEndedOn() != null && in.violationEndedOn().isAfter(in.discoveredOn())) {
            throw new InvalidInputException(
                    "违法行为终了日期晚于发现日期 the violation ended after it was discovered", "violationEndedOn");
        }
        String source = in.sourceCaseNumber() == null || in.sourceCaseNumber().isBlank()
                ? null
                : in.sourceCaseNumber().trim();
        if (in.source() == CaseSource.TRANSFER && source == null) {
            throw new InvalidInputException("移送案件须填写12319案件编号 the 12319 case number is required", "sourceCaseNumber");
        }
        if (source != null && store.sourceTaken(source)) {
            throw new ConflictException("该12319案件已移送执法 the 12319 case was already transferred", "sourceCaseNumber");
        }
        NewEnforcementCase clean = new NewEnforcementCase(
                in.source(),
                source,
                in.partyKind(),
                in.partyName(),
                PartyIds.normalise(in.partyId()),
                in.partyPhone(),
                in.itemCode(),
                in.description(),
                in.lat(),
                in.lon(),
                in.address(),
                in.discoveredOn(),
                in.violationEndedOn(),
                in.lifeSafety());
        long id = store.insert(
                clean,
                item.name(),
                where.gridCode(),
                where.districtCode(),
                me.username(),
                java.time.Instant.now(clock));
        EnforcementCase c = store.find(id).orElseThrow();
        CaseFile file = c.file(settings, List.of());
        Next next = next(file, today());
        store.updateDerived(id, file.stage(), null, null, next.kind(), next.due());
        audit.record(
                "ENF_CASE",
                c.caseNumber(),
                "CREATE",
                null,
                c.source().label() + (source == null ? "" : " " + source) + " " + item.name() + " "
                        + PartyIds.masked(c.partyKind(), c.partyId()));
        if (source != null) {
            // the 12319 case is linked back and waits for the result (cases module)
            publisher.publishEvent(new CaseReferred(source, id, c.caseNumber(), item.name(), me.username()));
        }
        return store.find(id).orElseThrow();
    }

    /** The handler's list: open cases (or one stage), nearest limit first, with live clocks. */
    @Transactional(readOnly = true)
    public CaseViews.Page list(StaffMember me, Stage stage, boolean openOnly, int page, int size) {
        int limit = Math.max(1, Math.min(size, MAX_PAGE));
        int p = Math.max(0, page);
        Map<String, Object> params = new HashMap<>();
        StringBuilder where = new StringBuilder(scope(me).sql(COLUMNS, params));
        if (stage != null) {
            where.append(" AND stage = :stage");
            params.put("stage", stage.name());
        } else if (openOnly) {
            where.append(" AND stage NOT IN ('CLOSED','NOT_PUNISHED','WITHDRAWN','TRANSFERRED')");
        }
        List<EnforcementCase> cases = store.page(where.toString(), params, limit, p * limit);
        long total = store.count(where.toString(), params);
        Map<Long, List<EnforcementStore.StoredEvent>> events =
                store.events(cases.stream().map(EnforcementCase::id).toList());
        LocalDate today = today();
        List<CaseViews.Row> rows = new ArrayList<>(cases.size());
        for (EnforcementCase c : cases) {
            CaseFile file = c.file(settings, plain(events.getOrDefault(c.id(), List.of())));
            rows.add(new CaseViews.Row(
                    c,
                    nearest(file, today).orElse(null),
                    file.ongoingSuspension().isPresent()));
        }
        return new CaseViews.Page(rows, total, p, limit);
    }

    /** A case file with its clocks on the day and the steps {@code me} may take. */
    @Transactional(readOnly = true)
    public CaseViews.Detail detail(long id, StaffMember me) {
        EnforcementCase c = visible(store.find(id), me);
        return detail(c, store.events(id), me);
    }

    /**
     * Why 作出决定 would be refused today (the procedure's own check, for the document check of the 决定书); empty
     * when the decision may be taken now. Only for a case at a stage the decision is taken from.
     */
    @Transactional(readOnly = true)
    public Optional<Refusal> decisionRefusal(long id, StaffMember me) {
        EnforcementCase c = visible(store.find(id), me);
        CaseFile file = c.file(settings, plain(store.events(id)));
        return ProcedurePolicy.check(file, Step.DECIDE, StepInput.on(today()), days);
    }

    /** Takes a step; a refusal names its article (409, or 400 naming the field for missing input). */
    @Transactional
    public CaseViews.Detail step(long id, Step step, StepInput raw, StaffMember me) {
        EnforcementCase c = visible(store.lock(id), me);
        if (!me.isSystem() && !ProcedurePolicy.mayTake(step, me.roles())) {
            throw new AccessDeniedToEntityException("无权执行此步骤 your role may not take this step", "step");
        }
        LocalDate today = today();
        StepInput in = raw == null ? StepInput.on(today) : raw;
        if (in.on() == null) {
            in = new StepInput(
                    today,
                    in.note(),
                    in.tier(),
                    in.fine(),
                    in.fineMin(),
                    in.fineMax(),
                    in.severePenalty(),
                    in.kind(),
                    in.expectedEnd(),
                    in.days(),
                    in.firstOffence(),
                    in.minorHarm(),
                    in.corrected(),
                    in.amount());
        }
        if (in.on().isAfter(today)) {
            throw new InvalidInputException("日期不能晚于今天 the date is in the future", "on");
        }
        if (step == Step.NOTIFY) {
            in = withBenchmark(c, in);
        }
        List<EnforcementStore.StoredEvent> events = store.events(id);
        CaseFile file = c.file(settings, plain(events));
        Stage before = file.stage();
        Optional<Refusal> refusal = ProcedurePolicy.check(file, step, in, days);
        if (refusal.isPresent()) {
            Refusal r = refusal.get();
            if (r.badInput()) {
                throw new InvalidInputException(r.text(), r.field());
            }
            throw new ConflictException(r.text(), r.field() == null ? "step" : r.field());
        }
        store.append(id, events.size() + 1, step, in, me.username(), java.time.Instant.now(clock));
        file.apply(new ProcedureEvent(step, in));
        Next next = next(file, today);
        store.updateDerived(id, file.stage(), file.tier(), file.fine(), next.kind(), next.due());
        audit.record("ENF_CASE", c.caseNumber(), step.name(), before.name(), summary(step, in, file));
        if (file.stage().isFinal() && !before.isFinal() && c.sourceCaseNumber() != null) {
            publisher.publishEvent(new CaseReferralConcluded(
                    id,
                    c.caseNumber(),
                    c.sourceCaseNumber(),
                    file.stage().name(),
                    file.stage().label(),
                    result(c, file, in),
                    in.on()));
        }
        return detail(store.find(id).orElseThrow(), store.events(id), me);
    }

    /** NOTIFY carries the tier chosen; its range comes from the benchmark, never from the request. */
    private StepInput withBenchmark(EnforcementCase c, StepInput in) {
        Tier tier = Tier.parse(in.tier());
        if (tier == null) {
            throw new InvalidInputException("须选择裁量档次 choose a discretion tier", "tier");
        }
        TierBenchmark b = catalogue
                .get(c.itemCode())
                .tier(tier)
                .orElseThrow(() -> new InvalidInputException("该违法行为没有此裁量档次 no such tier for the item", "tier"));
        return in.penalty(tier.name(), in.fine(), b.fineMin(), b.fineMax(), in.severePenalty());
    }

    private CaseViews.Detail detail(EnforcementCase c, List<EnforcementStore.StoredEvent> events, StaffMember me) {
        LocalDate today = today();
        CaseFile file = c.file(settings, plain(events));
        List<StatutoryClock.Reading> clocks =
                file.clocks().stream().map(k -> k.read(today, days)).toList();
        List<CaseViews.TimelineEntry> timeline = events.stream()
                .map(e -> new CaseViews.TimelineEntry(
                        e.seq(),
                        e.event().step(),
                        e.event().input().on(),
                        e.actor(),
                        e.recordedAt(),
                        summary(e.event().step(), e.event().input(), null)))
                .toList();
        Set<Step> available =
                me.isSystem() ? EnumSet.allOf(Step.class) : ProcedurePolicy.available(file.stage(), me.roles());
        return new CaseViews.Detail(
                c,
                clocks,
                timeline,
                file.suspensions(),
                available,
                file.hearingEligible(),
                file.reviewRequired(),
                file.lateFee(today, days),
                today);
    }

    private static String summary(Step step, StepInput in, CaseFile after) {
        StringBuilder s = new StringBuilder(step.label()).append(' ').append(in.on());
        if (in.tier() != null) {
            Tier t = Tier.parse(in.tier());
            s.append(" 档次 ").append(t == null ? in.tier() : t.label());
        }
        if (in.fine() != null) {
            s.append(" 罚款 ")
                    .append(in.fine().stripTrailingZeros().toPlainString())
                    .append("元");
        }
        if (in.kind() != null) {
            s.append(' ').append(in.kind().label()).append(" 预计至 ").append(in.expectedEnd());
        }
        if (in.days() != null) {
            s.append(" 延长 ").append(in.days()).append("天");
        }
        if (in.amount() != null) {
            s.append(" 缴纳 ")
                    .append(in.amount().stripTrailingZeros().toPlainString())
                    .append("元");
        }
        if (in.hasNote()) {
            s.append(" ：").append(in.note().trim());
        }
        if (after != null) {
            s.append(" → ").append(after.stage().label());
        }
        return s.toString();
    }

    /** The result told back to the 12319 case: 违法行为, tier, fine, what was paid, the ending step's note. */
    static String result(EnforcementCase c, CaseFile file, StepInput ending) {
        StringBuilder s = new StringBuilder("执法案件")
                .append(c.caseNumber())
                .append(' ')
                .append(file.stage().label())
                .append("（")
                .append(c.itemName());
        if (file.stage() == Stage.CLOSED && file.tier() != null) {
            Tier t = Tier.parse(file.tier());
            s.append("，").append(t == null ? file.tier() : t.label()).append("档");
        }
        if (file.stage() == Stage.CLOSED && file.fine() != null) {
            s.append("，罚款")
                    .append(file.fine().stripTrailingZeros().toPlainString())
                    .append("元");
            if (file.paid() != null) {
                s.append("，已缴纳")
                        .append(file.paid().stripTrailingZeros().toPlainString())
                        .append("元");
            } else if (file.enforcementTerminated()) {
                s.append("，终结执行");
            }
        }
        s.append("）");
        if (ending.hasNote()) {
            s.append("：").append(ending.note().trim());
        }
        return s.toString();
    }

    private record Next(ClockKind kind, LocalDate due) {}

    private Next next(CaseFile file, LocalDate today) {
        if (file.ongoingSuspension().isPresent()) {
            return new Next(null, null);
        }
        return nearest(file, today).map(r -> new Next(r.kind(), r.lastDay())).orElse(new Next(null, null));
    }

    /** The open clock whose last day comes first (limits met and party periods over excluded, but an unpaid fine). */
    private Optional<StatutoryClock.Reading> nearest(CaseFile file, LocalDate today) {
        return file.clocks().stream()
                .map(k -> k.read(today, days))
                .filter(r -> r.status() == ClockStatus.RUNNING
                        || r.status() == ClockStatus.WARNING
                        || r.status() == ClockStatus.OVERDUE
                        || r.status() == ClockStatus.SUSPENDED
                        // an unpaid fine past its 15 days stays in view: the handler must enforce (第七十二条)
                        || (r.status() == ClockStatus.EXPIRED && r.kind() == ClockKind.PAYMENT))
                .min(Comparator.comparing(StatutoryClock.Reading::lastDay));
    }

    private static List<ProcedureEvent> plain(List<EnforcementStore.StoredEvent> events) {
        return events.stream().map(EnforcementStore.StoredEvent::event).toList();
    }

    private EnforcementCase visible(Optional<EnforcementCase> found, StaffMember me) {
        EnforcementCase c = found.orElseThrow(() -> new NotFoundException("执法案件不存在 enforcement case not found"));
        if (!scope(me).matches(c.gridCode(), null, null)) {
            throw new NotFoundException("执法案件不存在 enforcement case not found");
        }
        return c;
    }

    /** A case in the caller's area (404 otherwise). */
    EnforcementCase visibleCase(long id, StaffMember me) {
        return visible(store.find(id), me);
    }

    /** The same, locked for the caller's transaction. */
    EnforcementCase lockVisible(long id, StaffMember me) {
        return visible(store.lock(id), me);
    }

    static ScopeFilter scope(StaffMember me) {
        return ScopeRule.filter(me, RecordKind.AREA);
    }
}
