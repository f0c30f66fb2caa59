package org.cityops.wastestream.balance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.cityops.audit.AuditTrail;
import org.cityops.geo.demo.DemoGrids;
import org.cityops.org.StaffMember;
import org.cityops.platform.CityClock;
import org.cityops.platform.CreditCode;
import org.cityops.support.IntegrationTest;
import org.cityops.wastestream.ledger.ProducerDraft;
import org.cityops.wastestream.ledger.Producers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** 漏收 is recorded once per episode and, when configured, sent as a case that is linked back. */
@IntegrationTest
class MissedCasesTests {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Balances balances;

    @Autowired
    Producers producers;

    @Autowired
    MissedCases configured; // the application's: cases off in tests

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    AuditTrail audit;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    Clock clock;

    @Test
    void a_producer_missed_for_n_days_is_recorded_once_and_with_cases_on_becomes_a_case_linked_back() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), CityClock.ZONE);
        configured.record(today); // whatever the demo city misses today, without cases
        assertThat(configured.record(today))
                .as("a second check records nothing new")
                .isZero();

        String first = "91320400MW%07d".formatted((int) (System.nanoTime() % 10_000_000L));
        String code = first + CreditCode.checkChar(first);
        long id = producers
                .create(
                        new ProducerDraft(
                                code,
                                "漏收测试食堂",
                                null,
                                "常州市测试路1号",
                                DemoGrids.TIANNING.lat(),
                                DemoGrids.TIANNING.lon(),
                                "单位食堂",
                                null,
                                "收运公司",
                                today.minusDays(3),
                                today.plusDays(30)),
                        StaffMember.SYSTEM)
                .id();
        MissedCases withCases = new MissedCases(jdbc, balances, events, audit, tx, clock, true, "06011");
        assertThat(withCases.record(today)).isEqualTo(1);
        assertThat(withCases.record(today)).isZero();

        List<MissedCases.MissedRecord> rows = configured.of(id);
        assertThat(rows).singleElement().satisfies(r -> {
            assertThat(r.sinceDay()).isEqualTo(today.minusDays(3));
            assertThat(r.daysWithout()).isEqualTo(4);
        });
        Object caseId = await("case linked back to the 漏收 row")
                .atMost(Duration.ofSeconds(20))
                .until(
                        () -> jdbc.sql("SELECT case_id FROM wst_missed WHERE producer_id = :p")
                                .param("p", id)
                                .query()
                                .singleRow()
                                .get("case_id"),
                        Objects::nonNull);
        String description = jdbc.sql("SELECT description FROM city_case WHERE id = :id")
                .param("id", ((Number) caseId).longValue())
                .query(String.class)
                .single();
        assertThat(description).contains("餐厨漏收").contains("漏收测试食堂").contains("4 天");
    }
}
