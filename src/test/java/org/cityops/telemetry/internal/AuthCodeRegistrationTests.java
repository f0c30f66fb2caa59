package org.cityops.telemetry.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.cityops.audit.AuditEntry;
import org.cityops.audit.AuditLog;
import org.cityops.audit.AuditTrail;
import org.cityops.platform.ClusterStore;
import org.cityops.platform.internal.ClusterTestDatabase;
import org.cityops.platform.internal.PolledClusterChanges;
import org.cityops.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@IntegrationTest
class AuthCodeRegistrationTests {

    @Autowired
    DataSource dataSource;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    AuditTrail audit;

    @Autowired
    AuditLog log;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JdbcTrackStore store;

    private JdbcAuthCodes codes() {
        return new JdbcAuthCodes(
                dataSource, store.postgres(), Clock.systemUTC(), new TransactionTemplate(transactions), audit);
    }

    private static String terminal() {
        return "17" + String.format("%09d", ThreadLocalRandom.current().nextInt(1_000_000_000));
    }

    @Test
    void a_registration_stores_the_code_and_leaves_an_audit_entry_by_the_terminal() {
        String terminal = terminal();
        codes().save(terminal, "ABCDEFGHJKLMNPQR", "苏D·M3699");

        assertThat(jdbc.sql("SELECT auth_code FROM telemetry_terminal WHERE terminal = :t")
                        .param("t", terminal)
                        .query(String.class)
                        .single())
                .isEqualTo("ABCDEFGHJKLMNPQR");
        assertThat(codes().find(terminal)).contains("ABCDEFGHJKLMNPQR");
        var entries = log.find("TERMINAL", terminal, null, 10, 0);
        assertThat(entries).extracting(AuditEntry::action).containsExactly("REGISTER");
        assertThat(entries.get(0).username()).isEqualTo("jt808:" + terminal);
        assertThat(entries.get(0).after()).contains("苏D·M3699");
    }

    @Test
    void a_second_registration_of_the_same_terminal_keeps_the_first_code_and_is_not_audited_again() {
        String terminal = terminal();
        JdbcAuthCodes first = codes();
        first.save(terminal, "FIRSTCODEFIRSTCO", null);
        JdbcAuthCodes otherNode = codes();
        assertThat(otherNode.save(terminal, "SECONDCODESECOND", null))
                .as("not handed out")
                .isFalse();

        assertThat(otherNode.find(terminal)).contains("FIRSTCODEFIRSTCO");
        assertThat(log.find("TERMINAL", terminal, null, 10, 0)).hasSize(1);
    }

    @Test
    void a_batch_stores_every_new_code_with_its_audit_entry_and_hands_out_none_for_a_terminal_that_had_one() {
        String taken = terminal();
        codes().save(taken, "TAKENTAKENTAKENT", null);
        String a = terminal();
        String b = terminal();
        JdbcAuthCodes otherNode = codes(); // its cache does not know 'taken' yet: the primary key decides
        var stored = otherNode.saveAll(java.util.List.of(
                new org.cityops.telemetry.pipeline.AuthCodeStore.NewCode(a, "AAAAAAAAAAAAAAAA", "苏D·A1"),
                new org.cityops.telemetry.pipeline.AuthCodeStore.NewCode(taken, "BBBBBBBBBBBBBBBB", null),
                new org.cityops.telemetry.pipeline.AuthCodeStore.NewCode(b, "CCCCCCCCCCCCCCCC", "苏D·C1")));

        assertThat(stored).containsExactlyInAnyOrder(a, b);
        assertThat(otherNode.find(taken)).contains("TAKENTAKENTAKENT");
        assertThat(otherNode.knownRegistered(a)).isTrue();
        assertThat(log.find("TERMINAL", a, null, 10, 0))
                .extracting(AuditEntry::action)
                .containsExactly("REGISTER");
        assertThat(log.find("TERMINAL", taken, null, 10, 0)).hasSize(1);
        assertThat(jdbc.sql("SELECT auth_code FROM telemetry_terminal WHERE terminal = :t")
                        .param("t", b)
                        .query(String.class)
                        .single())
                .isEqualTo("CCCCCCCCCCCCCCCC");
    }

    @Test
    void a_terminal_released_through_one_node_is_forgotten_by_the_other_nodes_gateway_at_its_next_poll() {
        ClusterStore shared = ClusterTestDatabase.store(dataSource);
        PolledClusterChanges pollA = ClusterTestDatabase.changes(shared, Clock.systemUTC());
        PolledClusterChanges pollB = ClusterTestDatabase.changes(shared, Clock.systemUTC());
        JdbcAuthCodes nodeA = codes();
        nodeA.acrossNodes(pollA);
        JdbcAuthCodes nodeB = codes();
        nodeB.acrossNodes(pollB);
        String terminal = terminal();
        nodeA.save(terminal, "DDDDDDDDDDDDDDDD", "苏D·M3701");
        assertThat(nodeB.find(terminal)).contains("DDDDDDDDDDDDDDDD");

        assertThat(nodeA.remove(terminal)).isTrue();
        assertThat(nodeB.knownRegistered(terminal))
                .as("B's cache before its poll")
                .isTrue();
        pollB.poll();

        assertThat(nodeB.knownRegistered(terminal)).isFalse();
        assertThat(nodeB.find(terminal)).isEmpty();
    }
}
