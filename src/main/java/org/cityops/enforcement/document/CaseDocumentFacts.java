package org.cityops.enforcement.document;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.cityops.enforcement.discretion.Tier;
import org.cityops.enforcement.discretion.ViolationCatalogue;
import org.cityops.enforcement.discretion.ViolationItem;
import org.cityops.enforcement.file.CaseViews;
import org.cityops.enforcement.file.EnforcementCase;
import org.cityops.enforcement.file.EnforcementCases;
import org.cityops.enforcement.procedure.Step;
import org.cityops.org.OrgDirectory;
import org.cityops.org.StaffMember;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Reads what a case document is filled from through the case file's public service (scope included: a case the
 * caller may not see is a 404), and is the case side of {@link DocumentOwnerScope}.
 */
@Component
class CaseDocumentFacts implements DocumentOwnerScope {

    private final EnforcementCases cases;
    private final ViolationCatalogue catalogue;
    private final OrgDirectory org;
    private final String authority;

    CaseDocumentFacts(
            EnforcementCases cases,
            ViolationCatalogue catalogue,
            OrgDirectory org,
            @Value("${cityops.enforcement.authority:常州市城市管理综合行政执法支队}") String authority) {
        this.cases = cases;
        this.catalogue = catalogue;
        this.org = org;
        this.authority = authority;
    }

    @Override
    public DocumentType.Owner owner() {
        return DocumentType.Owner.CASE;
    }

    @Override
    public void requireVisible(long caseId, StaffMember me) {
        cases.detail(caseId, me);
    }

    CaseFacts of(long caseId, StaffMember me, LocalDate today) {
        CaseViews.Detail d = cases.detail(caseId, me);
        EnforcementCase c = d.c();
        ViolationItem item = catalogue.find(c.itemCode()).orElse(null);
        Map<String, LocalDate> dates = new HashMap<>();
        for (CaseViews.TimelineEntry e : d.timeline()) {
            dates.put(e.step().label(), e.on());
        }
        Tier tier = Tier.parse(c.tier());
        String handler = org.staff(c.handler()).map(StaffMember::displayName).orElse(c.handler());
        return new CaseFacts(
                authority,
                c.caseNumber(),
                c.source().label(),
                c.sourceCaseNumber(),
                c.partyKind().label(),
                c.partyName(),
                c.partyId(),
                c.partyPhone(),
                c.itemName(),
                item == null ? "—" : item.clause(),
                item == null ? "—" : item.basis(),
                item == null ? "—" : item.penaltyKind(),
                c.description(),
                c.address() == null ? "—" : c.address(),
                c.discoveredOn(),
                handler,
                tier == null ? null : tier.label(),
                c.fine(),
                c.stage().label(),
                dates,
                today);
    }

    /** The case's state for {@link DocumentStagePolicy}: stage, steps taken, hearing right, the decision's check. */
    DocumentStagePolicy.CaseState state(long caseId, StaffMember me) {
        CaseViews.Detail d = cases.detail(caseId, me);
        Set<Step> taken = EnumSet.noneOf(Step.class);
        d.timeline().forEach(e -> taken.add(e.step()));
        return new DocumentStagePolicy.CaseState(
                d.c().stage(), taken, d.hearingEligible(), cases.decisionRefusal(caseId, me));
    }

    String authority() {
        return authority;
    }
}
