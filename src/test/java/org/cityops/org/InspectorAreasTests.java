package org.cityops.org;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.UUID;
import org.cityops.org.internal.InspectorAreas;
import org.cityops.org.internal.UserAccounts;
import org.cityops.org.internal.admin.OrgAdministration;
import org.cityops.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The inspector directory (监督员责任区) is kept in memory: read once, and read again after every change of an
 * account, its roles, unit or enabled flag. Each test works in a transaction it rolls back.
 */
@IntegrationTest
class InspectorAreasTests {

    @Autowired
    OrgDirectory org;

    @Autowired
    InspectorAreas inspectors;

    @Autowired
    UserAccounts accounts;

    @Autowired
    OrgAdministration admin;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager tm;

    /** A community no supervisor below the city covers (other tests add supervisors to the shared database). */
    private String aCommunity() {
        return jdbc.sql("""
                SELECT c.code FROM org_unit c WHERE c.kind = 'COMMUNITY' AND NOT EXISTS (
                    SELECT 1 FROM app_user u JOIN app_user_role r ON r.user_id = u.id AND r.role = 'INSPECTOR'
                    JOIN org_unit o ON o.id = u.org_unit_id
                    WHERE o.kind <> 'CITY' AND c.code LIKE o.code || '%')
                ORDER BY c.code LIMIT 1""").query(String.class).single();
    }

    private long unitId(String code) {
        return jdbc.sql("SELECT id FROM org_unit WHERE code = :c")
                .param("c", code)
                .query(Long.class)
                .single();
    }

    private void inRolledBackTransaction(Runnable work) {
        new TransactionTemplate(tm).executeWithoutResult(s -> {
            work.run();
            s.setRollbackOnly();
        });
    }

    @Test
    void an_inspector_added_through_the_accounts_is_responsible_at_once_and_forgotten_when_the_change_rolls_back() {
        String community = aCommunity();
        String grid = community + "001";
        String before = org.inspectorFor(grid).orElseThrow();
        String username = "zz-area-" + UUID.randomUUID().toString().substring(0, 8);

        inRolledBackTransaction(() -> {
            accounts.create(
                    username, "监督员", "x", DataScope.STREET, unitId(community), null, Set.of(Role.INSPECTOR), null);
            assertThat(org.inspectorFor(grid)).contains(username);
        });

        assertThat(org.inspectorFor(grid)).contains(before);
    }

    @Test
    void an_inspector_disabled_by_the_administration_is_no_longer_responsible() {
        String community = aCommunity();
        String grid = community + "001";
        String before = org.inspectorFor(grid).orElseThrow();
        String username = "zz-area-" + UUID.randomUUID().toString().substring(0, 8);

        inRolledBackTransaction(() -> {
            long id = accounts.create(
                    username, "监督员", "x", DataScope.STREET, unitId(community), null, Set.of(Role.INSPECTOR), null);
            assertThat(org.inspectorFor(grid)).contains(username);
            admin.setEnabled(id, false, "admin");
            assertThat(org.inspectorFor(grid)).contains(before);
        });
    }

    @Test
    void an_inspector_whose_role_is_taken_away_is_no_longer_responsible() {
        String community = aCommunity();
        String grid = community + "001";
        String before = org.inspectorFor(grid).orElseThrow();
        String username = "zz-area-" + UUID.randomUUID().toString().substring(0, 8);

        inRolledBackTransaction(() -> {
            long id = accounts.create(
                    username, "监督员", "x", DataScope.STREET, unitId(community), null, Set.of(Role.INSPECTOR), null);
            assertThat(org.inspectorFor(grid)).contains(username);
            accounts.setRoles(id, Set.of(Role.OPERATOR));
            assertThat(org.inspectorFor(grid)).contains(before);
        });
    }

    @Test
    void the_directory_is_read_once_and_again_only_after_a_change_is_announced() {
        String community = aCommunity();
        String grid = community + "001";
        String before = org.inspectorFor(grid).orElseThrow(); // read and kept
        String username = "zz-area-" + UUID.randomUUID().toString().substring(0, 8);

        inRolledBackTransaction(() -> {
            jdbc.sql("""
                    INSERT INTO app_user (username, display_name, password_hash, data_scope, org_unit_id, enabled)
                    VALUES (:u, '监督员', 'x', 'STREET', :unit, TRUE)""").param("u", username).param("unit", unitId(community)).update();
            jdbc.sql("""
                    INSERT INTO app_user_role (user_id, role)
                    SELECT id, 'INSPECTOR' FROM app_user WHERE username = :u""").param("u", username).update();
            assertThat(org.inspectorFor(grid))
                    .as("written around the accounts: the kept copy answers")
                    .contains(before);

            inspectors.changed();
            assertThat(org.inspectorFor(grid)).contains(username);
        });

        assertThat(org.inspectorFor(grid)).contains(before);
    }
}
