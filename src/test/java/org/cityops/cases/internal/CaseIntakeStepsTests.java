package org.cityops.cases.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.cityops.audit.AuditLog;
import org.cityops.cases.CaseChannel;
import org.cityops.cases.support.Places;
import org.cityops.catalog.Catalog;
import org.cityops.geo.GridLocator;
import org.cityops.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What one intake writes: its two steps (受理, 指派监督员), each vouched for by its audit entry; replays. */
@IntegrationTest
class CaseIntakeStepsTests {

    @Autowired
    CaseService cases;

    @Autowired
    GridLocator locator;

    @Autowired
    Catalog catalog;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AuditLog audit;

    @Test
    void
            a_hotline_case_is_taken_in_with_the_grid_inspector_assigned_and_each_step_row_vouched_for_by_its_audit_entry() {
        long id = CaseFixtures.newCase(cases, locator, catalog, "两步受理");
        String number = jdbc.sql("SELECT case_number FROM city_case WHERE id = :id")
                .param("id", id)
                .query(String.class)
                .single();
        record Row(long id, String action) {}
        List<Row> steps = jdbc.sql("SELECT id, action FROM case_step WHERE case_id = :c ORDER BY id")
                .param("c", id)
                .query((rs, n) -> new Row(rs.getLong(1), rs.getString(2)))
                .list();
        assertThat(steps).extracting(Row::action).containsExactly("INTAKE", "ASSIGN_INSPECTOR");

        List<Row> vouched = jdbc.sql("""
                SELECT record_id, action FROM audit_entry
                WHERE entity_type = 'CASE' AND entity_id = :n AND record_table = 'case_step' ORDER BY id""")
                .param("n", number)
                .query((rs, n) -> new Row(rs.getLong(1), rs.getString(2)))
                .list();
        assertThat(vouched).containsExactlyElementsOf(steps);
        assertThat(audit.verify().valid()).isTrue();
    }

    @Test
    void a_replayed_intake_answers_with_the_view_of_the_case_it_created_first() {
        Places.Place p = Places.any(locator);
        NewCase in = new NewCase(
                CaseChannel.HOTLINE,
                catalog.activeCategories().get(0).qualifiedCode(),
                "重复提交 " + UUID.randomUUID(),
                p.lat(),
                p.lon(),
                null,
                null,
                null,
                null);
        String key = UUID.randomUUID().toString();

        CaseService.Intake first = cases.intake(in, CaseFixtures.OPERATOR, key, null, null);
        CaseService.Intake again = cases.intake(in, CaseFixtures.OPERATOR, key, null, null);

        assertThat(first.replay()).isFalse();
        assertThat(again.replay()).isTrue();
        assertThat(again.caseId()).isEqualTo(first.caseId());
        assertThat(again.view()).isNotNull();
        assertThat(again.view().id()).isEqualTo(first.caseId());
        assertThat(again.view().caseNumber()).isEqualTo(first.caseNumber());
        assertThat(again.view().status()).isEqualTo(first.view().status());
    }

    @Test
    void staff_take_cases_in_from_the_hotline_inspectors_media_and_leaders_only() {
        assertThat(Arrays.stream(CaseChannel.values()).filter(CaseChannel::takenByStaff))
                .containsExactly(CaseChannel.HOTLINE, CaseChannel.INSPECTOR, CaseChannel.MEDIA, CaseChannel.LEADER);
    }
}
