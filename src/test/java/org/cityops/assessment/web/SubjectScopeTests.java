package org.cityops.assessment.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.cityops.assessment.internal.FactQueries.StepView;
import org.cityops.assessment.internal.model.SubjectType;
import org.cityops.org.DataScope;
import org.cityops.org.Role;
import org.cityops.org.StaffMember;
import org.cityops.platform.AccessDeniedToEntityException;
import org.junit.jupiter.api.Test;

/** What each data scope sees of the assessment's subjects, through the one data-scope rule. No Spring. */
class SubjectScopeTests {

    private static StaffMember actor(DataScope scope, String unit, String departmentCode) {
        return new StaffMember(
                1, "me", "我", Set.of(Role.ASSESSOR), scope, unit, departmentCode == null ? null : 5L, departmentCode);
    }

    private static final StaffMember CITY = actor(DataScope.CITY, "320400", null);
    private static final StaffMember XINBEI = actor(DataScope.DISTRICT, "320411", "QCGJ-320411");
    private static final StaffMember STREET = actor(DataScope.STREET, "320411001", null);
    private static final StaffMember DEPARTMENT = actor(DataScope.DEPARTMENT, "320411", "SZJ");

    @Test
    void aCityWideUserSeesEverySubjectAlsoPeople() {
        assertThat(SubjectScope.permits(CITY, SubjectType.GRID, "320402001002007"))
                .isTrue();
        assertThat(SubjectScope.permits(CITY, SubjectType.DEPARTMENT, "SZJ")).isTrue();
        assertThat(SubjectScope.permits(CITY, SubjectType.INSPECTOR, "inspector1"))
                .isTrue();
        assertThat(SubjectScope.permits(CITY, "NO_SUCH_TYPE", "x")).isTrue();
    }

    @Test
    void aDistrictUserSeesTheAreasUnderItsDistrictAndItsBureauButNoPeople() {
        assertThat(SubjectScope.permits(XINBEI, SubjectType.DISTRICT, "320411")).isTrue();
        assertThat(SubjectScope.permits(XINBEI, SubjectType.GRID, "320411001001001"))
                .isTrue();
        assertThat(SubjectScope.permits(XINBEI, SubjectType.GRID, "320402001002007"))
                .isFalse();
        assertThat(SubjectScope.permits(XINBEI, SubjectType.DEPARTMENT, "QCGJ-320411"))
                .isTrue();
        assertThat(SubjectScope.permits(XINBEI, SubjectType.DEPARTMENT, "QCGJ-320402"))
                .isFalse();
        assertThat(SubjectScope.permits(XINBEI, SubjectType.INSPECTOR, "inspector1"))
                .isFalse();
        assertThat(SubjectScope.permits(XINBEI, "NO_SUCH_TYPE", "x")).isFalse();
    }

    @Test
    void aStreetUserSeesItsStreetAndItsDistrictsBureauButNotTheWholeDistrict() {
        assertThat(SubjectScope.permits(STREET, SubjectType.COMMUNITY, "320411001002"))
                .isTrue();
        assertThat(SubjectScope.permits(STREET, SubjectType.DISTRICT, "320411")).isFalse();
        assertThat(SubjectScope.permits(STREET, SubjectType.DEPARTMENT, "QCGJ-320411"))
                .isTrue();
    }

    @Test
    void aDepartmentUserSeesOnlyItsOwnDepartmentAndNoArea() {
        assertThat(SubjectScope.permits(DEPARTMENT, SubjectType.DEPARTMENT, "SZJ"))
                .isTrue();
        assertThat(SubjectScope.permits(DEPARTMENT, SubjectType.DEPARTMENT, "QCGJ-320411"))
                .isFalse();
        assertThat(SubjectScope.permits(DEPARTMENT, SubjectType.DISTRICT, "320411"))
                .isFalse();
    }

    @Test
    void aCaseIsInScopeWhenItLiesInTheAreaOrTouchedTheUsersDepartment() {
        List<StepView> inXinbei = List.of(step("320411", "CGJ"));
        List<StepView> touchedSzj = List.of(step("320402", "SZJ"));
        SubjectScope.requireCase(XINBEI, inXinbei);
        SubjectScope.requireCase(DEPARTMENT, touchedSzj);
        SubjectScope.requireCase(CITY, touchedSzj);
        assertThatThrownBy(() -> SubjectScope.requireCase(XINBEI, touchedSzj))
                .isInstanceOf(AccessDeniedToEntityException.class);
        assertThatThrownBy(() -> SubjectScope.requireCase(DEPARTMENT, inXinbei))
                .isInstanceOf(AccessDeniedToEntityException.class);
    }

    private static StepView step(String district, String department) {
        return new StepView(
                1,
                1,
                "C1",
                "DISPATCH",
                "op",
                "DISPATCHER",
                null,
                null,
                "HOTLINE",
                department,
                district,
                null,
                null,
                null,
                Instant.EPOCH,
                null,
                null,
                null,
                false,
                false,
                false,
                null,
                null);
    }
}
