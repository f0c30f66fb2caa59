package org.cityops.enforcement.procedure;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The procedural state of one enforcement case, folded from its events ({@link #replay}); the clocks are read from
 * it. No Spring, no SQL: the store loads the events, this class says where the case stands.
 */
public final class CaseFile {

    private final LocalDate discoveredOn;
    private final LocalDate violationEndedOn;
    private final boolean lifeSafety;
    private final boolean unitParty;
    private final ProcedureSettings settings;

    private Stage stage = Stage.PENDING_FILING;
    private LocalDate lastOn;
    private LocalDate filedOn;
    private LocalDate notifiedOn;
    private LocalDate statementOn;
    private LocalDate waivedOn;
    private boolean hearingEligible;
    private LocalDate hearingRequestedOn;
    private boolean hearingHeld;
    private boolean reviewRequired;
    private boolean reviewApproved;
    private String tier;
    private BigDecimal fine;
    private boolean fineOutsideRange;
    private int decisionExtensionDays;
    private LocalDate decidedOn;
    private LocalDate concludedOn;
    private LocalDate servedOn;
    private LocalDate paidOn;
    private BigDecimal paid;
    private boolean enforcementTerminated;
    private final List<Suspension> suspensions = new ArrayList<>();

    /**
     * @param discoveredOn     发现日期 (the 立案 clock starts here)
     * @param violationEndedOn 违法行为终了之日 (第三十六条); null while it continues (a standing 违建)
     * @param lifeSafety       涉及公民生命健康安全、金融安全且有危害后果 (追责时效 five years instead of two)
     * @param unitParty        the party is a unit (单位), for the hearing threshold
     */
    public CaseFile(
            LocalDate discoveredOn,
            LocalDate violationEndedOn,
            boolean lifeSafety,
            boolean unitParty,
            ProcedureSettings settings) {
        this.discoveredOn = discoveredOn;
        this.violationEndedOn = violationEndedOn;
        this.lifeSafety = lifeSafety;
        this.unitParty = unitParty;
        this.settings = settings;
        this.lastOn = discoveredOn;
    }

    public static CaseFile replay(
            LocalDate discoveredOn,
            LocalDate violationEndedOn,
            boolean lifeSafety,
            boolean unitParty,
            ProcedureSettings settings,
            List<ProcedureEvent> events) {
        CaseFile f = new CaseFile(discoveredOn, violationEndedOn, lifeSafety, unitParty, settings);
        for (ProcedureEvent e : events) {
            f.apply(e);
        }
        return f;
    }

    /** Applies a step that {@link ProcedurePolicy} allowed. */
    public void apply(ProcedureEvent event) {
        StepInput in = event.input();
        LocalDate on = in.on();
        lastOn = on;
        switch (event.step()) {
            case FILE -> {
                filedOn = on;
                stage = Stage.INVESTIGATING;
            }
            case NOTIFY -> {
                notifiedOn = on;
                statementOn = null;
                waivedOn = null;
                hearingRequestedOn = null;
                hearingHeld = false;
                reviewApproved = false;
                tier = in.tier();
                fine = in.fine() == null ? BigDecimal.ZERO : in.fine();
                fineOutsideRange = in.fineOutsideRange();
                hearingEligible = in.severePenalty() || fine.compareTo(settings.hearingThreshold(unitParty)) >= 0;
                // 第五十八条: 经过听证的、疑难复杂的 … must pass 法制审核; a fine outside the tier only with its approval
                reviewRequired = hearingEligible || fineOutsideRange;
                stage = Stage.NOTIFIED;
            }
            case STATEMENT -> statementOn = on;
            case WAIVE -> waivedOn = on;
            case REQUEST_HEARING -> {
                hearingRequestedOn = on;
                reviewRequired = true;
                suspensions.add(new Suspension(SuspensionKind.HEARING, in.note(), on, in.expectedEnd(), null));
            }
            case SUSPEND -> suspensions.add(new Suspension(in.kind(), in.note(), on, in.expectedEnd(), null));
            case RESUME ->
                ongoingSuspension().ifPresent(s -> {
                    suspensions.set(suspensions.indexOf(s), s.end(on));
                    if (s.kind() == SuspensionKind.HEARING) {
                        hearingHeld = true;
                    }
                });
            case EXTEND_DECISION -> decisionExtensionDays += in.days() == null ? 0 : in.days();
            case SUBMIT_REVIEW -> stage = Stage.IN_REVIEW;
            case APPROVE_REVIEW -> {
                reviewApproved = true;
                stage = Stage.REVIEWED;
            }
            case RETURN_REVIEW -> stage = Stage.INVESTIGATING;
            case DECIDE -> {
                decidedOn = on;
                stage = Stage.DECIDED;
            }
            case NOT_PUNISH -> conclude(on, Stage.NOT_PUNISHED);
            case WITHDRAW -> conclude(on, Stage.WITHDRAWN);
            case TRANSFER -> conclude(on, Stage.TRANSFERRED);
            case SERVE -> {
                servedOn = on;
                stage = hasFine() ? Stage.SERVED : Stage.PERFORMED;
            }
            case PAY -> {
                paidOn = on;
                paid = in.amount();
                stage = Stage.PERFORMED;
            }
            case ENFORCE -> stage = Stage.ENFORCING;
            case TERMINATE_ENFORCEMENT -> {
                enforcementTerminated = true;
                stage = Stage.PERFORMED;
            }
            case CLOSE -> stage = Stage.CLOSED;
        }
    }

    private void conclude(LocalDate on, Stage to) {
        concludedOn = on;
        stage = to;
    }

    /** The statutory clocks that have started, in the order of the procedure. */
    public List<StatutoryClock> clocks() {
        List<StatutoryClock> out = new ArrayList<>();
        out.add(new StatutoryClock(
                ClockKind.FILING,
                discoveredOn,
                settings.filingDays(),
                0,
                suspensions,
                filedOn != null ? filedOn : concludedOn));
        if (notifiedOn != null) {
            LocalDate spoke = statementOn != null ? statementOn : waivedOn;
            // the party's periods after 告知 are not suspended: a suspension stops the authority's limits
            out.add(new StatutoryClock(ClockKind.STATEMENT, notifiedOn, settings.statementDays(), 0, List.of(), spoke));
            if (hearingEligible) {
                LocalDate asked = hearingRequestedOn != null ? hearingRequestedOn : waivedOn;
                out.add(new StatutoryClock(
                        ClockKind.HEARING_REQUEST, notifiedOn, settings.hearingRequestDays(), 0, List.of(), asked));
            }
        }
        if (filedOn != null) {
            out.add(new StatutoryClock(
                    ClockKind.DECISION,
                    filedOn,
                    settings.decisionDays(),
                    decisionExtensionDays,
                    suspensions,
                    decidedOn != null ? decidedOn : concludedOn));
        }
        if (decidedOn != null) {
            out.add(new StatutoryClock(ClockKind.SERVICE, decidedOn, settings.serviceDays(), 0, suspensions, servedOn));
        }
        if (servedOn != null && hasFine()) {
            out.add(new StatutoryClock(
                    ClockKind.PAYMENT,
                    servedOn,
                    settings.paymentDays(),
                    0,
                    suspensions,
                    paidOn != null ? paidOn : (enforcementTerminated ? lastOn : null)));
        }
        return out;
    }

    public Optional<StatutoryClock> clock(ClockKind kind) {
        return clocks().stream().filter(c -> c.kind() == kind).findFirst();
    }

    /** The 加处罚款 due on {@code asOf} (0 before the payment period ends). */
    public BigDecimal lateFee(LocalDate asOf, DayCalendar calendar) {
        return clock(ClockKind.PAYMENT)
                .map(c -> LateFee.of(fine, c.read(asOf, calendar).lastDay(), asOf))
                .orElse(BigDecimal.ZERO.setScale(2));
    }

    public Optional<Suspension> ongoingSuspension() {
        return suspensions.stream().filter(Suspension::ongoing).findFirst();
    }

    public boolean hasFine() {
        return fine != null && fine.signum() > 0;
    }

    public Stage stage() {
        return stage;
    }

    public LocalDate lastOn() {
        return lastOn;
    }

    public LocalDate discoveredOn() {
        return discoveredOn;
    }

    public LocalDate violationEndedOn() {
        return violationEndedOn;
    }

    public boolean lifeSafety() {
        return lifeSafety;
    }

    public LocalDate filedOn() {
        return filedOn;
    }

    public LocalDate notifiedOn() {
        return notifiedOn;
    }

    public boolean statementMade() {
        return statementOn != null;
    }

    public boolean waived() {
        return waivedOn != null;
    }

    public boolean hearingEligible() {
        return hearingEligible;
    }

    public boolean hearingRequested() {
        return hearingRequestedOn != null;
    }

    public boolean hearingHeld() {
        return hearingHeld;
    }

    public boolean reviewRequired() {
        return reviewRequired;
    }

    public boolean reviewApproved() {
        return reviewApproved;
    }

    public String tier() {
        return tier;
    }

    public BigDecimal fine() {
        return fine;
    }

    public boolean fineOutsideRange() {
        return fineOutsideRange;
    }

    public LocalDate decidedOn() {
        return decidedOn;
    }

    public LocalDate servedOn() {
        return servedOn;
    }

    public LocalDate paidOn() {
        return paidOn;
    }

    public BigDecimal paid() {
        return paid;
    }

    public boolean enforcementTerminated() {
        return enforcementTerminated;
    }

    public List<Suspension> suspensions() {
        return List.copyOf(suspensions);
    }

    ProcedureSettings settings() {
        return settings;
    }

    boolean unitParty() {
        return unitParty;
    }
}
