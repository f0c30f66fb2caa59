package org.cityops.org.admin;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.cityops.org.DataScope;
import org.cityops.org.DepartmentKind;
import org.cityops.org.OrgUnitKind;
import org.cityops.org.Role;
import org.cityops.org.internal.admin.OrgRules;
import org.cityops.platform.InvalidInputException;
import org.junit.jupiter.api.Test;

class OrgRulesTests {

    private static void rejects(Runnable r, String field) {
        assertThatThrownBy(r::run)
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> org.assertj.core.api.Assertions.assertThat(((InvalidInputException) e).field())
                        .isEqualTo(field));
    }

    @Test
    void codesFollowTheTree() {
        assertThatCode(() -> OrgRules.checkUnit("320402", "天宁区", OrgUnitKind.DISTRICT, "320400", OrgUnitKind.CITY))
                .doesNotThrowAnyException();
        assertThatCode(() -> OrgRules.checkUnit("320402009", "街道", OrgUnitKind.STREET, "320402", OrgUnitKind.DISTRICT))
                .doesNotThrowAnyException();
        assertThatCode(() -> OrgRules.checkUnit(
                        "320402009001", "社区", OrgUnitKind.COMMUNITY, "320402009", OrgUnitKind.STREET))
                .doesNotThrowAnyException();
        rejects(() -> OrgRules.checkUnit("32040", "区", OrgUnitKind.DISTRICT, "320400", OrgUnitKind.CITY), "code");
        rejects(() -> OrgRules.checkUnit("330402", "区", OrgUnitKind.DISTRICT, "320400", OrgUnitKind.CITY), "code");
        rejects(
                () -> OrgRules.checkUnit("320404001", "街道", OrgUnitKind.STREET, "320402", OrgUnitKind.DISTRICT),
                "code");
        rejects(
                () -> OrgRules.checkUnit("32040200A", "街道", OrgUnitKind.STREET, "320402", OrgUnitKind.DISTRICT),
                "code");
        rejects(
                () -> OrgRules.checkUnit(
                        "320402001001", "社区", OrgUnitKind.COMMUNITY, "320402001", OrgUnitKind.DISTRICT),
                "parentCode");
    }

    @Test
    void aUnitSitsExactlyOneLevelUnderItsParent() {
        rejects(
                () -> OrgRules.checkUnit("320402001", "街道", OrgUnitKind.STREET, "320400", OrgUnitKind.CITY),
                "parentCode");
        rejects(() -> OrgRules.checkUnit("320402001", "街道", OrgUnitKind.STREET, null, null), "parentCode");
        rejects(() -> OrgRules.checkUnit("320400", "市", OrgUnitKind.CITY, "320000", OrgUnitKind.CITY), "parentCode");
        rejects(() -> OrgRules.checkUnit("320402001", "街道", OrgUnitKind.STREET, "320499", null), "parentCode");
    }

    @Test
    void districtBureausBelongToADistrict() {
        rejects(
                () -> OrgRules.checkDepartment("QCGJ-X", "局", DepartmentKind.DISTRICT_BUREAU, null, false),
                "orgUnitCode");
        rejects(
                () -> OrgRules.checkDepartment("QCGJ-X", "局", DepartmentKind.DISTRICT_BUREAU, OrgUnitKind.STREET, true),
                "orgUnitCode");
        rejects(() -> OrgRules.checkDepartment("hwc", "环卫处", DepartmentKind.PROFESSIONAL, null, false), "code");
        assertThatCode(() -> OrgRules.checkDepartment("HWC2", "环卫处", DepartmentKind.PROFESSIONAL, null, false))
                .doesNotThrowAnyException();
    }

    @Test
    void aUsersScopeMustFitTheirUnitOrDepartment() {
        Set<Role> roles = Set.of(Role.HANDLER);
        rejects(() -> OrgRules.checkUser("A", null, roles, DataScope.DISTRICT, null, false), "orgUnitCode");
        rejects(() -> OrgRules.checkUser("A", null, roles, DataScope.DISTRICT, OrgUnitKind.CITY, false), "orgUnitCode");
        rejects(
                () -> OrgRules.checkUser("A", null, roles, DataScope.STREET, OrgUnitKind.DISTRICT, false),
                "orgUnitCode");
        rejects(
                () -> OrgRules.checkUser("A", null, roles, DataScope.DEPARTMENT, OrgUnitKind.DISTRICT, false),
                "departmentCode");
        rejects(() -> OrgRules.checkUser("A", null, Set.of(), DataScope.CITY, null, false), "roles");
        assertThatCode(() -> OrgRules.checkUser("A", null, roles, DataScope.DISTRICT, OrgUnitKind.STREET, false))
                .doesNotThrowAnyException();
        assertThatCode(() -> OrgRules.checkUser("A", null, roles, DataScope.STREET, OrgUnitKind.COMMUNITY, false))
                .doesNotThrowAnyException();
        assertThatCode(() -> OrgRules.checkUser("A", "0519-12345678", roles, DataScope.DEPARTMENT, null, true))
                .doesNotThrowAnyException();
        assertThatCode(() -> OrgRules.checkUser("A", null, roles, DataScope.SELF, null, false))
                .doesNotThrowAnyException();
    }

    @Test
    void passwordsHaveAtLeastTenCharactersAndFitBcrypt() {
        rejects(() -> OrgRules.checkPassword("short", "password"), "password");
        rejects(() -> OrgRules.checkPassword("密".repeat(25), "password"), "password");
        assertThatCode(() -> OrgRules.checkPassword("cityops-demo", "password")).doesNotThrowAnyException();
    }

    @Test
    void usernamesAreSimpleAscii() {
        rejects(() -> OrgRules.checkUsername("a b"), "username");
        rejects(() -> OrgRules.checkUsername("ab"), "username");
        assertThatCode(() -> OrgRules.checkUsername("handler-tianning")).doesNotThrowAnyException();
    }
}
