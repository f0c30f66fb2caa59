package org.cityops.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.cityops.cases.CaseAction;
import org.cityops.cases.CaseDeadlineAlert;
import org.cityops.cases.internal.CaseFixtures;
import org.cityops.cases.internal.CaseService;
import org.cityops.cases.internal.SlaClock;
import org.cityops.cases.internal.TransitionRequest;
import org.cityops.catalog.Catalog;
import org.cityops.geo.GridLocator;
import org.cityops.notify.internal.OutboxStore;
import org.cityops.org.DataScope;
import org.cityops.org.DepartmentView;
import org.cityops.org.OrgDirectory;
import org.cityops.org.OrgUnitKind;
import org.cityops.org.OrgUnitView;
import org.cityops.org.Role;
import org.cityops.org.StaffMember;
import org.cityops.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * The demo city's staff notices are real (log mode): every department with 处置人员 has a 部门负责人, every account a
 * trigger names has a (synthetic) phone, so an SLA warning is logged as an SMS to the department's head and
 * handler — masked — instead of being skipped for want of a number.
 */
@IntegrationTest
@RecordApplicationEvents
class DemoNoticesTests {

    @Autowired
    CaseService cases;

    @Autowired
    GridLocator locator;

    @Autowired
    Catalog catalog;

    @Autowired
    OrgDirectory org;

    @Autowired
    SlaClock sla;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Notifications notifications;

    @Autowired
    OutboxStore store;

    @Autowired
    ApplicationEvents events;

    @Test
    void an_sla_warning_on_a_demo_case_is_logged_as_an_sms_to_the_bureaus_head_and_handler_not_skipped() {
        long id = CaseFixtures.newCase(cases, locator, catalog, "预警通知负责人");
        cases.transition(id, TransitionRequest.of(CaseAction.VERIFY, null), CaseFixtures.INSPECTOR);
        cases.transition(id, TransitionRequest.of(CaseAction.FILE, null), CaseFixtures.SHIFT);
        String district = jdbc.sql("SELECT district_code FROM city_case WHERE id = :id")
                .param("id", id)
                .query(String.class)
                .single();
        DepartmentView bureau = org.districtBureau(district).orElseThrow();
        StaffMember dispatcher =
                new StaffMember(0, "dispatcher1", "派遣员一", Set.of(Role.DISPATCHER), DataScope.CITY, null, null, null);
        cases.transition(
                id, new TransitionRequest(CaseAction.DISPATCH, null, bureau.id(), null, null, null, null), dispatcher);
        jdbc.sql("UPDATE city_case SET warn_at = CURRENT_TIMESTAMP - INTERVAL '1' MINUTE WHERE id = :id")
                .param("id", id)
                .update();

        sla.tick();

        CaseDeadlineAlert warning = events.stream(CaseDeadlineAlert.class)
                .filter(a -> a.caseId() == id && !a.overdue())
                .findFirst()
                .orElseThrow();
        String eventId = "case-warning:" + id + ":" + warning.stage() + ":"
                + warning.dueAt().toEpochMilli();
        List<OutboxStore.Row> rows = store.ofEvent(eventId);
        OutboxStore.Row head = rows.stream()
                .filter(r -> org.staff(r.recipient())
                        .filter(s -> s.hasAny(Role.LEADER) && bureau.code().equals(s.departmentCode()))
                        .isPresent())
                .findFirst()
                .orElseThrow(() -> new AssertionError("no notice to the head of " + bureau.name() + ": " + rows));
        assertThat(head.channel()).isEqualTo("LOG");
        assertThat(head.status()).isEqualTo("SENT");
        assertThat(head.address()).startsWith("短信 138****");
        String phone = org.phoneOf(head.recipient()).orElseThrow();
        assertThat(head.address()).doesNotContain(phone);
        assertThat(rows).extracting(OutboxStore.Row::status).doesNotContain("SKIPPED");
        assertThat(rows)
                .extracting(OutboxStore.Row::recipient)
                .anySatisfy(r -> assertThat(org.staff(r).orElseThrow().hasAny(Role.HANDLER))
                        .isTrue());
    }

    /** The demo's districts by the suffix of their accounts (handler-…, head-…). */
    static final List<String> DISTRICTS =
            List.of("tianning", "zhonglou", "xinbei", "wujin", "jintan", "liyang", "jingkai");

    @Test
    void every_demo_department_with_handlers_has_a_head_and_each_district_a_district_head() {
        List<StaffMember> leaders = org.staffWithRole(Role.LEADER);
        assertThat(leaders).anyMatch(l -> l.username().equals("head-hwc") && "HWC".equals(l.departmentCode()));
        for (OrgUnitView d : org.unitsOfKind(OrgUnitKind.DISTRICT)) {
            String bureau = org.districtBureau(d.code()).orElseThrow().code();
            assertThat(leaders)
                    .as("the head of %s城管局, its district head", d.name())
                    .anyMatch(l -> l.scope() == DataScope.DISTRICT
                            && d.code().equals(l.orgUnitCode())
                            && bureau.equals(l.departmentCode()));
        }
    }

    @Test
    void every_demo_account_a_trigger_names_has_a_synthetic_phone_and_a_desk_account_none() {
        List<String> named =
                new java.util.ArrayList<>(List.of("leader1", "inspector1", "muck1", "handler-hwc", "head-hwc"));
        DISTRICTS.forEach(d -> {
            named.add("handler-" + d);
            named.add("head-" + d);
        });
        for (String u : named) {
            assertThat(org.phoneOf(u))
                    .as(u)
                    .hasValueSatisfying(p -> assertThat(p).matches("1380000\\d{4}"));
        }
        assertThat(org.phoneOf("dispatcher1")).isEmpty();
    }
}
