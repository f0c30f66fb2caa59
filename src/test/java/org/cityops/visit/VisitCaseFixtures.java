package org.cityops.visit;

import java.util.Set;
import java.util.UUID;
import org.cityops.cases.CaseAction;
import org.cityops.cases.CaseChannel;
import org.cityops.cases.internal.CaseFixtures;
import org.cityops.cases.internal.CaseService;
import org.cityops.cases.internal.NewCase;
import org.cityops.cases.internal.TransitionRequest;
import org.cityops.cases.support.Places;
import org.cityops.catalog.Catalog;
import org.cityops.geo.GridLocator;
import org.cityops.org.DataScope;
import org.cityops.org.DepartmentView;
import org.cityops.org.OrgDirectory;
import org.cityops.org.Role;
import org.cityops.org.StaffMember;

/** A case taken through the lifecycle to 结案 by the demo staff, through the case service. */
final class VisitCaseFixtures {

    static final StaffMember DISPATCHER =
            new StaffMember(0, "dispatcher1", "派遣员", Set.of(Role.DISPATCHER), DataScope.CITY, null, null, null);

    private VisitCaseFixtures() {}

    static long closedCase(
            CaseService cases,
            GridLocator locator,
            Catalog catalog,
            OrgDirectory org,
            CaseChannel channel,
            String phone) {
        Places.Place p = Places.any(locator);
        long id = cases.intake(
                        new NewCase(
                                channel,
                                catalog.activeCategories().get(0).qualifiedCode(),
                                "回访测试 " + UUID.randomUUID(),
                                p.lat(),
                                p.lon(),
                                "青果巷8号 电话13912345678",
                                null,
                                phone == null ? null : "市民",
                                phone),
                        CaseFixtures.OPERATOR,
                        null,
                        null,
                        null)
                .caseId();
        long dept = org.departmentByCode("HWC").map(DepartmentView::id).orElseThrow();
        StaffMember handler =
                new StaffMember(0, "handler-hwc", "处置员", Set.of(Role.HANDLER), DataScope.DEPARTMENT, null, dept, "HWC");
        if (cases.get(id, StaffMember.SYSTEM).status().name().equals("PENDING_VERIFY")) {
            cases.transition(id, TransitionRequest.of(CaseAction.VERIFY, null), CaseFixtures.INSPECTOR);
        }
        cases.transition(id, TransitionRequest.of(CaseAction.FILE, null), CaseFixtures.SHIFT);
        cases.transition(
                id, new TransitionRequest(CaseAction.DISPATCH, null, dept, null, null, null, null), DISPATCHER);
        cases.transition(id, TransitionRequest.of(CaseAction.ACCEPT, null), handler);
        cases.transition(id, TransitionRequest.of(CaseAction.REPORT_HANDLED, "已清理"), handler);
        cases.transition(id, TransitionRequest.of(CaseAction.CHECK_PASS, null), CaseFixtures.INSPECTOR);
        cases.transition(id, TransitionRequest.of(CaseAction.CLOSE, null), CaseFixtures.SHIFT);
        return id;
    }
}
