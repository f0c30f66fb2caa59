package org.cityops.stats.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A rebuild batch records what the live store would have recorded, fact by fact. */
class RebuildBatchTests {

    static Fact fact(long caseId, String id, Measure m, int delta) {
        return new Fact(
                "cases:" + caseId + ":" + id,
                caseId,
                m,
                delta,
                LocalDate.of(2026, 11, 2),
                Instant.parse("2026-11-02T02:00:00Z"),
                "320402",
                "320402001",
                "320402001001001",
                "01.01",
                "HOTLINE",
                "QCGJ");
    }

    static List<String> ids(List<Fact> facts) {
        return facts.stream().map(Fact::id).toList();
    }

    @Test
    void a_replayed_fact_counts_once() {
        Fact reported = fact(1, "REPORTED", Measure.REPORTED, 1);
        assertThat(RebuildBatch.of(List.of(reported, reported))).containsExactly(reported);
    }

    @Test
    void a_close_takes_each_open_overdue_of_its_case_back_out() {
        Fact overdue1 = fact(1, "OVERDUE:1", Measure.OVERDUE_OPEN, 1);
        Fact overdue2 = fact(1, "OVERDUE:2", Measure.OVERDUE_OPEN, 1);
        Fact otherCase = fact(2, "OVERDUE:1", Measure.OVERDUE_OPEN, 1);
        Fact closed = fact(1, "CLOSE", Measure.CLOSED, 1);

        List<Fact> out = RebuildBatch.of(List.of(overdue1, otherCase, overdue2, closed));

        assertThat(ids(out))
                .containsExactly(
                        overdue1.id(),
                        otherCase.id(),
                        overdue2.id(),
                        closed.id(),
                        overdue1.id() + ":closed",
                        overdue2.id() + ":closed");
        assertThat(out.get(4).delta()).isEqualTo(-1);
        assertThat(out.get(4).measure()).isEqualTo(Measure.OVERDUE_OPEN);
    }

    @Test
    void an_overdue_after_the_close_stays_open_until_the_next_close() {
        Fact first = fact(1, "OVERDUE:1", Measure.OVERDUE_OPEN, 1);
        Fact close1 = fact(1, "CLOSE:1", Measure.CLOSED, 1);
        Fact second = fact(1, "OVERDUE:2", Measure.OVERDUE_OPEN, 1);

        assertThat(ids(RebuildBatch.of(List.of(first, close1, second))))
                .containsExactly(first.id(), close1.id(), first.id() + ":closed", second.id());

        Fact close2 = fact(1, "CLOSE:2", Measure.CLOSED, 1);
        assertThat(ids(RebuildBatch.of(List.of(first, close1, second, close2))))
                .containsExactly(
                        first.id(),
                        close1.id(),
                        first.id() + ":closed",
                        second.id(),
                        close2.id(),
                        second.id() + ":closed");
    }

    @Test
    void a_replayed_close_closes_nothing_twice() {
        Fact overdue = fact(1, "OVERDUE:1", Measure.OVERDUE_OPEN, 1);
        Fact closed = fact(1, "CLOSE", Measure.CLOSED, 1);
        assertThat(ids(RebuildBatch.of(List.of(overdue, closed, closed))))
                .containsExactly(overdue.id(), closed.id(), overdue.id() + ":closed");
    }
}
