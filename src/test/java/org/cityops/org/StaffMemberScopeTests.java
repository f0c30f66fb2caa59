package org.cityops.org;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class StaffMemberScopeTests {

    private static StaffMember staff(DataScope scope, String unit, Long dept) {
        return new StaffMember(1, "u", "U", Set.of(Role.HANDLER), scope, unit, dept, dept == null ? null : "D");
    }

    @Test
    void cityScopeCoversEveryAreaOfTheCity() {
        StaffMember s = staff(DataScope.CITY, "320400", null);
        assertThat(s.areaPrefix()).isEmpty();
        assertThat(s.coversArea("320402001002")).isTrue();
        assertThat(s.coversArea("320411")).isTrue();
    }

    @Test
    void districtScopeCoversItsDistrictOnlyEvenForAUserPlacedInAStreet() {
        StaffMember s = staff(DataScope.DISTRICT, "320402001", null);
        assertThat(s.areaPrefix()).isEqualTo("320402");
        assertThat(s.coversArea("320402003001")).isTrue();
        assertThat(s.coversArea("320404001001")).isFalse();
    }

    @Test
    void streetScopeCoversItsStreetAndItsCommunitiesEvenForAUserPlacedInACommunity() {
        StaffMember s = staff(DataScope.STREET, "320402001002", null);
        assertThat(s.areaPrefix()).isEqualTo("320402001");
        assertThat(s.coversArea("320402001001")).isTrue();
        assertThat(s.coversArea("320402001001007")).isTrue();
        assertThat(s.coversArea("320402002001")).isFalse();
        assertThat(s.coversArea("320402")).isFalse();
    }

    @Test
    void departmentAndSelfScopesAreNotByAreaSoTheyCoverNoArea() {
        StaffMember dept = staff(DataScope.DEPARTMENT, "320402", 7L);
        StaffMember self = staff(DataScope.SELF, "320402", null);
        assertThat(dept.areaPrefix()).isNull();
        assertThat(self.areaPrefix()).isNull();
        assertThat(dept.coversArea("320402001001")).isFalse();
        assertThat(self.coversArea("320402001001")).isFalse();
    }

    @Test
    void anAreaScopeWithoutAUnitCoversNothing() {
        assertThat(staff(DataScope.DISTRICT, null, null).coversArea("320402")).isFalse();
        assertThat(staff(DataScope.STREET, null, null).coversArea("320402001")).isFalse();
    }
}
