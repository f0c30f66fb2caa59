package org.cityops.org;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The one data-scope rule (数据权限): every DataScope level against every kind of record. No Spring. */
class ScopeRuleTests {

    private static final String STREET_CODE = "320402001";
    private static final String ITS_GRID = "320402001002007";
    private static final String SAME_DISTRICT_OTHER_STREET_GRID = "320402003001001";
    private static final String OTHER_DISTRICT_GRID = "320411001001001";

    private static StaffMember actor(DataScope scope, String unit, Long dept) {
        return new StaffMember(1, "me", "我", Set.of(Role.HANDLER), scope, unit, dept, dept == null ? null : "D");
    }

    private static boolean sees(StaffMember a, RecordKind kind, String area, Long dept, String owner) {
        return ScopeRule.sees(a, kind, area, dept, owner);
    }

    // --- 全市 CITY

    @Test
    void cityScopeSeesEveryCase() {
        StaffMember a = actor(DataScope.CITY, "320400", 7L);
        assertThat(sees(a, RecordKind.AREA_DEPARTMENT_OWNER, OTHER_DISTRICT_GRID, 99L, "else"))
                .isTrue();
    }

    @Test
    void cityScopeSeesEveryAreaRecordEvenOneWithoutADistrict() {
        StaffMember a = actor(DataScope.CITY, "320400", null);
        assertThat(sees(a, RecordKind.AREA, "320411", null, null)).isTrue();
        assertThat(sees(a, RecordKind.AREA, null, null, null)).isTrue();
    }

    @Test
    void cityScopeSeesOnlyItsOwnDepartmentsRecordsOfAKindPlacedByDepartment() {
        StaffMember a = actor(DataScope.CITY, "320400", 7L);
        assertThat(sees(a, RecordKind.DEPARTMENT, null, 7L, null)).isTrue();
        assertThat(sees(a, RecordKind.DEPARTMENT, null, 8L, null)).isFalse();
        assertThat(sees(actor(DataScope.CITY, "320400", null), RecordKind.DEPARTMENT, null, 7L, null))
                .isFalse();
    }

    // --- 本区 DISTRICT

    @Test
    void districtScopeSeesCasesOfItsDistrictOnly() {
        StaffMember a = actor(DataScope.DISTRICT, STREET_CODE, null);
        assertThat(sees(a, RecordKind.AREA_DEPARTMENT_OWNER, SAME_DISTRICT_OTHER_STREET_GRID, null, null))
                .isTrue();
        assertThat(sees(a, RecordKind.AREA_DEPARTMENT_OWNER, OTHER_DISTRICT_GRID, null, "me"))
                .isFalse();
    }

    @Test
    void districtScopeSeesAreaRecordsOfItsDistrictAndNoneWithoutADistrict() {
        StaffMember a = actor(DataScope.DISTRICT, "320402", null);
        assertThat(sees(a, RecordKind.AREA, "320402", null, null)).isTrue();
        assertThat(sees(a, RecordKind.AREA, "320411", null, null)).isFalse();
        assertThat(sees(a, RecordKind.AREA, null, null, null)).isFalse();
    }

    @Test
    void districtScopeSeesOnlyItsOwnDepartmentsRecordsOfAKindPlacedByDepartment() {
        StaffMember a = actor(DataScope.DISTRICT, "320402", 7L);
        assertThat(sees(a, RecordKind.DEPARTMENT, null, 7L, null)).isTrue();
        assertThat(sees(a, RecordKind.DEPARTMENT, null, 8L, null)).isFalse();
    }

    @Test
    void anAreaScopeWithoutAUnitSeesNoCaseAndNoAreaRecord() {
        StaffMember a = actor(DataScope.DISTRICT, null, 7L);
        assertThat(ScopeRule.filter(a, RecordKind.AREA_DEPARTMENT_OWNER)).isInstanceOf(ScopeFilter.None.class);
        assertThat(ScopeRule.filter(a, RecordKind.AREA)).isInstanceOf(ScopeFilter.None.class);
    }

    // --- 本街道 STREET

    @Test
    void streetScopeSeesCasesOfItsStreetOnlyEvenForAUserPlacedInACommunity() {
        StaffMember a = actor(DataScope.STREET, "320402001002", null);
        assertThat(sees(a, RecordKind.AREA_DEPARTMENT_OWNER, ITS_GRID, null, null))
                .isTrue();
        assertThat(sees(a, RecordKind.AREA_DEPARTMENT_OWNER, SAME_DISTRICT_OTHER_STREET_GRID, null, null))
                .isFalse();
    }

    @Test
    void streetScopeSeesAreaRecordsOnlyWhenTheirCodeLiesInItsStreet() {
        StaffMember a = actor(DataScope.STREET, STREET_CODE, null);
        assertThat(sees(a, RecordKind.AREA, "320402001", null, null)).isTrue();
        assertThat(sees(a, RecordKind.AREA, "320402", null, null)).isFalse();
    }

    @Test
    void streetScopeSeesOnlyItsOwnDepartmentsRecordsOfAKindPlacedByDepartment() {
        StaffMember a = actor(DataScope.STREET, STREET_CODE, 7L);
        assertThat(sees(a, RecordKind.DEPARTMENT, null, 7L, null)).isTrue();
        assertThat(sees(a, RecordKind.DEPARTMENT, null, 8L, null)).isFalse();
    }

    // --- 本部门 DEPARTMENT

    @Test
    void departmentScopeSeesCasesAssignedToItsDepartmentWhereverTheyAre() {
        StaffMember a = actor(DataScope.DEPARTMENT, STREET_CODE, 7L);
        assertThat(sees(a, RecordKind.AREA_DEPARTMENT_OWNER, OTHER_DISTRICT_GRID, 7L, null))
                .isTrue();
        assertThat(sees(a, RecordKind.AREA_DEPARTMENT_OWNER, ITS_GRID, 8L, "me"))
                .isFalse();
        assertThat(sees(a, RecordKind.AREA_DEPARTMENT_OWNER, ITS_GRID, null, null))
                .isFalse();
    }

    @Test
    void departmentScopeSeesAreaRecordsInItsOwnUnitsArea() {
        StaffMember a = actor(DataScope.DEPARTMENT, "320402", 7L);
        assertThat(sees(a, RecordKind.AREA, "320402", null, null)).isTrue();
        assertThat(sees(a, RecordKind.AREA, "320411", null, null)).isFalse();
        assertThat(sees(actor(DataScope.DEPARTMENT, null, 7L), RecordKind.AREA, "320402", null, null))
                .isFalse();
    }

    @Test
    void departmentScopeSeesRecordsOfItsDepartmentAndNothingWithoutOne() {
        assertThat(sees(actor(DataScope.DEPARTMENT, null, 7L), RecordKind.DEPARTMENT, null, 7L, null))
                .isTrue();
        assertThat(sees(actor(DataScope.DEPARTMENT, null, 7L), RecordKind.DEPARTMENT, null, 8L, null))
                .isFalse();
        assertThat(ScopeRule.filter(actor(DataScope.DEPARTMENT, STREET_CODE, null), RecordKind.DEPARTMENT))
                .isInstanceOf(ScopeFilter.None.class);
    }

    // --- 本人 SELF

    @Test
    void selfScopeSeesOnlyTheCasesItReported() {
        StaffMember a = actor(DataScope.SELF, STREET_CODE, 7L);
        assertThat(sees(a, RecordKind.AREA_DEPARTMENT_OWNER, OTHER_DISTRICT_GRID, 99L, "me"))
                .isTrue();
        assertThat(sees(a, RecordKind.AREA_DEPARTMENT_OWNER, ITS_GRID, 7L, "else"))
                .isFalse();
    }

    @Test
    void selfScopeSeesAreaRecordsInItsOwnUnitsArea() {
        StaffMember a = actor(DataScope.SELF, "320402", null);
        assertThat(sees(a, RecordKind.AREA, "320402", null, null)).isTrue();
        assertThat(sees(a, RecordKind.AREA, "320411", null, null)).isFalse();
    }

    @Test
    void selfScopeSeesRecordsPlacedByDepartmentOfItsOwnDepartment() {
        StaffMember a = actor(DataScope.SELF, null, 7L);
        assertThat(sees(a, RecordKind.DEPARTMENT, null, 7L, null)).isTrue();
        assertThat(sees(a, RecordKind.DEPARTMENT, null, 8L, null)).isFalse();
    }

    // --- the system and public reporters

    @Test
    void theSystemSeesEveryKindOfRecord() {
        for (RecordKind kind : RecordKind.values()) {
            assertThat(ScopeRule.filter(StaffMember.SYSTEM, kind)).isInstanceOf(ScopeFilter.All.class);
        }
    }

    @Test
    void aPublicReporterSeesOnlyWhatItReported() {
        StaffMember citizen = StaffMember.publicReporter("citizen-1");
        assertThat(citizen.isSystem()).isFalse();
        assertThat(sees(citizen, RecordKind.AREA_DEPARTMENT_OWNER, ITS_GRID, null, "citizen-1"))
                .isTrue();
        assertThat(sees(citizen, RecordKind.AREA_DEPARTMENT_OWNER, ITS_GRID, null, "other"))
                .isFalse();
        assertThat(sees(citizen, RecordKind.AREA, null, null, null)).isFalse();
    }

    // --- the same decision as SQL

    private static final ScopeColumns CASE_COLUMNS =
            new ScopeColumns("grid_code", "district_code", "street_code", "department_id", "reporter_username");

    @Test
    void aDistrictOrStreetFilterUsesTheExactCodeColumnWhenTheTableHasOne() {
        Map<String, Object> p = new HashMap<>();
        assertThat(ScopeRule.filter(actor(DataScope.DISTRICT, STREET_CODE, null), RecordKind.AREA_DEPARTMENT_OWNER)
                        .sql(CASE_COLUMNS.alias("c."), p))
                .isEqualTo("c.district_code = :scopeArea");
        assertThat(p).containsEntry("scopeArea", "320402");
        p.clear();
        assertThat(ScopeRule.filter(actor(DataScope.STREET, STREET_CODE, null), RecordKind.AREA_DEPARTMENT_OWNER)
                        .sql(CASE_COLUMNS, p))
                .isEqualTo("street_code = :scopeArea");
        assertThat(p).containsEntry("scopeArea", STREET_CODE);
    }

    @Test
    void anAreaFilterOnATableWithOneCodeColumnIsAPrefixMatch() {
        Map<String, Object> p = new HashMap<>();
        String sql = ScopeRule.filter(actor(DataScope.DISTRICT, "320402", null), RecordKind.AREA)
                .sql(ScopeColumns.area("district_code"), p);
        assertThat(sql).isEqualTo("district_code LIKE :scopeArea");
        assertThat(p).containsEntry("scopeArea", "320402%");
    }

    @Test
    void departmentAndOwnerFiltersBindTheirValues() {
        Map<String, Object> p = new HashMap<>();
        assertThat(ScopeRule.filter(actor(DataScope.DEPARTMENT, null, 7L), RecordKind.AREA_DEPARTMENT_OWNER)
                        .sql(CASE_COLUMNS, p))
                .isEqualTo("department_id = :scopeDept");
        assertThat(p).containsEntry("scopeDept", 7L);
        assertThat(ScopeRule.filter(actor(DataScope.SELF, null, null), RecordKind.AREA_DEPARTMENT_OWNER)
                        .sql(CASE_COLUMNS, p))
                .isEqualTo("reporter_username = :scopeUser");
        assertThat(p).containsEntry("scopeUser", "me");
    }

    @Test
    void aFilterOnADimensionTheTableLacksMatchesNothing() {
        assertThat(new ScopeFilter.Department(7L).sql(ScopeColumns.area("district_code"), new HashMap<>()))
                .isEqualTo("1 = 0");
        assertThat(new ScopeFilter.Owner("me").sql(ScopeColumns.department("department_id"), new HashMap<>()))
                .isEqualTo("1 = 0");
    }
}
