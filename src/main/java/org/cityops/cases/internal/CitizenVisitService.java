package org.cityops.cases.internal;

import java.util.Optional;
import java.util.Set;
import org.cityops.cases.CaseAction;
import org.cityops.cases.CitizenVisits;
import org.cityops.cases.Satisfaction;
import org.cityops.org.DataScope;
import org.cityops.org.Role;
import org.cityops.org.StaffMember;
import org.cityops.platform.InvalidInputException;
import org.springframework.stereotype.Component;

/**
 * {@link CitizenVisits}: the VISIT step goes through the same {@link CaseTransitions} as an operator's 回访 (same
 * state machine, audit entry and events), taken by the platform on the citizen's behalf and recorded with role
 * PUBLIC. It joins the caller's transaction, so the visit module marks its link used together with the step.
 */
@Component
class CitizenVisitService implements CitizenVisits {

    /**
     * The actor of a citizen's 回访: it holds the operator's right to take a VISIT step (the only step it ever
     * takes) and sees every case, since the link, not a data scope, says which case it may visit.
     */
    static final StaffMember CITIZEN =
            new StaffMember(0, "citizen", "公众（回访链接）", Set.of(Role.OPERATOR), DataScope.CITY, null, null, null);

    /** The longest comment a citizen may leave. */
    static final int MAX_COMMENT = 500;

    private final CaseRepository cases;
    private final CaseTransitions transitions;

    CitizenVisitService(CaseRepository cases, CaseTransitions transitions) {
        this.cases = cases;
        this.transitions = transitions;
    }

    @Override
    public Optional<VisitCase> visitCase(long caseId) {
        return cases.find(caseId)
                .map(c -> new VisitCase(
                        c.id,
                        c.number,
                        c.channel,
                        c.status,
                        c.categoryName,
                        c.districtName,
                        PersonalDataMasker.mask(c.address),
                        c.createdAt,
                        c.closedAt,
                        c.satisfaction,
                        c.reporterPhone));
    }

    @Override
    public void visitByCitizen(long caseId, Satisfaction satisfaction, String comment) {
        if (satisfaction == null) {
            throw new InvalidInputException("请选择满意度 satisfaction is required", "satisfaction");
        }
        String note = comment == null ? null : comment.strip();
        if (note != null && note.length() > MAX_COMMENT) {
            throw new InvalidInputException("评价内容过长 comment longer than " + MAX_COMMENT, "comment");
        }
        String text = note == null || note.isEmpty() ? "公众通过回访链接评价" : "公众通过回访链接评价：" + note;
        transitions.transition(
                caseId,
                new TransitionRequest(CaseAction.VISIT, text, null, null, satisfaction, false, null),
                CITIZEN,
                null,
                null);
    }
}
