package org.cityops.org;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.cityops.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

/** 监督员责任区: which supervisor a grid belongs to. */
@IntegrationTest
@Transactional
class InspectorForAreaTests {

    @Autowired
    OrgDirectory org;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    org.cityops.org.internal.InspectorAreas inspectors;

    private String inspectorIn(String unitCode, boolean enabled) {
        String username = "zz-insp-" + UUID.randomUUID().toString().substring(0, 8);
        long unit = jdbc.sql("SELECT id FROM org_unit WHERE code = :c")
                .param("c", unitCode)
                .query(Long.class)
                .single();
        jdbc.sql("""
                INSERT INTO app_user (username, display_name, password_hash, data_scope, org_unit_id, enabled)
                VALUES (:u, '监督员', 'x', 'STREET', :unit, :e)""")
                .param("u", username)
                .param("unit", unit)
                .param("e", enabled)
                .update();
        long id = jdbc.sql("SELECT id FROM app_user WHERE username = :u")
                .param("u", username)
                .query(Long.class)
                .single();
        jdbc.sql("INSERT INTO app_user_role (user_id, role) VALUES (:id, 'INSPECTOR')")
                .param("id", id)
                .update();
        inspectors.changed(); // written around the accounts service: say so
        return username;
    }

    /** A community no supervisor below the city covers (other tests add supervisors to the shared database). */
    private String aCommunity() {
        return jdbc.sql("""
                SELECT c.code FROM org_unit c WHERE c.kind = 'COMMUNITY' AND NOT EXISTS (
                    SELECT 1 FROM app_user u JOIN app_user_role r ON r.user_id = u.id AND r.role = 'INSPECTOR'
                    JOIN org_unit o ON o.id = u.org_unit_id
                    WHERE o.kind <> 'CITY' AND c.code LIKE o.code || '%')
                ORDER BY c.code DESC LIMIT 1""").query(String.class).single();
    }

    @Test
    void a_city_wide_supervisor_answers_for_every_grid_when_nobody_closer_is_set() {
        assertThat(org.inspectorFor(aCommunity() + "001")).contains("inspector1");
    }

    @Test
    void the_supervisor_of_the_smallest_unit_containing_the_grid_is_responsible() {
        String community = aCommunity();
        String street = community.substring(0, 9);
        String streetInspector = inspectorIn(street, true);
        assertThat(org.inspectorFor(community + "001")).contains(streetInspector);

        String communityInspector = inspectorIn(community, true);
        assertThat(org.inspectorFor(community + "001")).contains(communityInspector);
        assertThat(org.inspectorFor(street + "999001")).contains(streetInspector);
    }

    @Test
    void a_disabled_supervisor_is_responsible_for_nothing() {
        String community = aCommunity();
        inspectorIn(community, false);
        assertThat(org.inspectorFor(community + "001")).contains("inspector1");
    }

    @Test
    void no_area_has_no_supervisor() {
        assertThat(org.inspectorFor(null)).isEmpty();
        assertThat(org.inspectorFor(" ")).isEmpty();
    }
}
