package org.cityops.cases.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.cityops.cases.CaseAction;
import org.cityops.cases.CaseOpened;
import org.cityops.cases.CaseRequested;
import org.cityops.cases.CaseStatus;
import org.cityops.cases.support.Places;
import org.cityops.catalog.Catalog;
import org.cityops.geo.GridLocator;
import org.cityops.org.DataScope;
import org.cityops.org.OrgDirectory;
import org.cityops.org.Role;
import org.cityops.org.StaffMember;
import org.cityops.platform.ConflictException;
import org.cityops.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

@IntegrationTest
class CaseConcurrencyAndSlaTests {

    @Autowired
    CaseService cases;

    @Autowired
    GridLocator locator;

    @Autowired
    Catalog catalog;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    OrgDirectory org;

    @Autowired
    PlatformTransactionManager tm;

    static final StaffMember OPERATOR = CaseFixtures.OPERATOR;
    static final StaffMember SHIFT = CaseFixtures.SHIFT;
    static final StaffMember INSPECTOR = CaseFixtures.INSPECTOR;

    long newCase() {
        return CaseFixtures.newCase(cases, locator, catalog, "并发测试");
    }

    @Test
    void ofTwoConcurrentTransitionsExactlyOneWinsAndTheOtherIsAConflict() throws Exception {
        for (int round = 0; round < 5; round++) {
            long id = newCase();
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            List<Future<String>> results = new ArrayList<>();
            for (CaseAction action : new CaseAction[] {CaseAction.VERIFY, CaseAction.VERIFY}) {
                results.add(pool.submit(() -> {
                    start.await();
                    try {
                        cases.transition(id, TransitionRequest.of(action, null), INSPECTOR);
                        return "ok";
                    } catch (ConflictException e) {
                        return "conflict";
                    }
                }));
            }
            start.countDown();
            List<String> outcomes = new ArrayList<>();
            for (Future<String> f : results) {
                outcomes.add(f.get());
            }
            pool.shutdown();
            assertThat(outcomes).containsExactlyInAnyOrder("ok", "conflict");
            assertThat(jdbc.sql("SELECT COUNT(*) FROM case_step WHERE case_id = :id AND action = 'VERIFY'")
                            .param("id", id)
                            .query(Long.class)
                            .single())
                    .isEqualTo(1);
        }
    }

    @Test
    void theSlaClockMarksWarningsAndOverdueAndSkipsSuspendedCases() {
        long late = newCase();
        long suspended = newCase();
        cases.transition(suspended, TransitionRequest.of(CaseAction.VERIFY, null), INSPECTOR);
        cases.transition(suspended, TransitionRequest.of(CaseAction.FILE, null), SHIFT);
        StaffMember dispatcher = new StaffMember(
                0, "dispatcher1", "派遣员", java.util.Set.of(Role.DISPATCHER), DataScope.CITY, null, null, null);
        String district = jdbc.sql("SELECT district_code FROM city_case WHERE id = :id")
                .param("id", suspended)
                .query(String.class)
                .single();
        long dept = org.districtBureau(district).orElseThrow().id();
        cases.transition(
                suspended, new TransitionRequest(CaseAction.DISPATCH, null, dept, null, null, null, null), dispatcher);
        cases.transition(suspended, TransitionRequest.of(CaseAction.SUSPEND, "挂账测试"), SHIFT);

        Clock farFuture = Clock.fixed(java.time.Instant.now().plus(Duration.ofDays(400)), ZoneOffset.UTC);
        SlaClock sla = new SlaClock(jdbc, farFuture, e -> {}, e -> {}, org, tm);
        assertThat(sla.tick()).isPositive();
        assertThat(jdbc.sql("SELECT overdue FROM city_case WHERE id = :id")
                        .param("id", late)
                        .query(Boolean.class)
                        .single())
                .isTrue();
        assertThat(jdbc.sql("SELECT kind FROM case_alert WHERE case_id = :id ORDER BY id")
                        .param("id", late)
                        .query(String.class)
                        .list())
                .containsExactly("WARNING", "OVERDUE");
        assertThat(jdbc.sql("SELECT overdue FROM city_case WHERE id = :id")
                        .param("id", suspended)
                        .query(Boolean.class)
                        .single())
                .isFalse();
        assertThat(sla.tick()).as("a second pass finds nothing new").isZero();
    }

    @Test
    void aCaseRequestedByAnotherModuleOpensOneAlertCaseEvenWhenReplayed() {
        Places.Place p = Places.any(locator);
        List<Object> published = new ArrayList<>();
        ApplicationEventPublisher capture = published::add;
        RequestedCaseListener listener = new RequestedCaseListener(cases, capture);
        String ref = "alarm-" + UUID.randomUUID();
        CaseRequested req = new CaseRequested(
                "muck",
                ref,
                catalog.activeCategories().get(0).qualifiedCode(),
                "渣土车未密闭",
                p.lat(),
                p.lon(),
                "测试路",
                "alarm #1");
        listener.on(req);
        listener.on(req);
        assertThat(published).hasSize(2);
        CaseOpened first = (CaseOpened) published.get(0);
        assertThat(first.caseId()).isNotNull();
        assertThat(((CaseOpened) published.get(1)).caseId()).isEqualTo(first.caseId());
        assertThat(jdbc.sql("SELECT channel FROM city_case WHERE source_ref = :r")
                        .param("r", ref)
                        .query(String.class)
                        .list())
                .containsExactly("ALERT");
        assertThat(cases.get(first.caseId(), StaffMember.SYSTEM).status()).isEqualTo(CaseStatus.PENDING_VERIFY);

        listener.on(new CaseRequested("muck", ref + "-bad", "NO-SUCH", "x", p.lat(), p.lon(), null, null));
        CaseOpened failed = (CaseOpened) published.get(2);
        assertThat(failed.caseId()).isNull();
        assertThat(failed.failure()).contains("unknown category");
    }
}
