package org.cityops.enforcement.file;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.cityops.enforcement.procedure.Stage;
import org.cityops.enforcement.procedure.Step;

/**
 * The enforcement statistics by unit (district) and month: cases filed (立案), cases ended (结案, 不予处罚, 撤案,
 * 移送), fines imposed (the fine of each 处罚决定), fines collected (each 缴纳), and the average days a case spent in
 * each stage. Every figure belongs to the month of the step that makes it (a stay in a stage: the month it ended).
 * Days are natural days between the steps' dates (a case discovered and filed the same day stayed 0 days). No Spring,
 * no SQL: the caller replays each case's steps into {@link Move}s.
 */
public final class EnforcementStatistics {

    /** One step of a case as the statistics see it: its date, the stage before and after, the money it carries. */
    public record Move(LocalDate on, Step step, Stage before, Stage after, BigDecimal fine, BigDecimal amount) {}

    /** One case: its unit, the day it was discovered (the 待立案 stay starts there), its steps in order. */
    public record CaseMoves(String unit, LocalDate discoveredOn, List<Move> moves) {}

    /** A stage's stays ended in the month: how many and their total days. */
    public record Stays(int count, long days) {
        public double average() {
            return count == 0 ? 0 : (double) days / count;
        }
    }

    /** One line: a unit (null: all units) in a month. */
    public record Row(
            String unit,
            YearMonth month,
            int filed,
            int ended,
            BigDecimal finesImposed,
            BigDecimal finesCollected,
            Map<Stage, Stays> stays) {

        /** The average days in a stage, or null when no stay in it ended in the month. */
        public Double averageDays(Stage stage) {
            Stays s = stays.get(stage);
            return s == null || s.count() == 0 ? null : s.average();
        }
    }

    /** The stages a case passes through before it ends (the columns of the average days). */
    public static final List<Stage> STAGES = List.of(
            Stage.PENDING_FILING,
            Stage.INVESTIGATING,
            Stage.NOTIFIED,
            Stage.IN_REVIEW,
            Stage.REVIEWED,
            Stage.DECIDED,
            Stage.SERVED,
            Stage.ENFORCING,
            Stage.PERFORMED);

    private EnforcementStatistics() {}

    private static final class Acc {
        int filed;
        int ended;
        BigDecimal imposed = BigDecimal.ZERO;
        BigDecimal collected = BigDecimal.ZERO;
        final Map<Stage, long[]> stays = new EnumMap<>(Stage.class);

        void stay(Stage stage, long days) {
            long[] s = stays.computeIfAbsent(stage, k -> new long[2]);
            s[0]++;
            s[1] += days;
        }

        void add(Acc o) {
            filed += o.filed;
            ended += o.ended;
            imposed = imposed.add(o.imposed);
            collected = collected.add(o.collected);
            o.stays.forEach((k, v) -> {
                long[] s = stays.computeIfAbsent(k, x -> new long[2]);
                s[0] += v[0];
                s[1] += v[1];
            });
        }

        Row row(String unit, YearMonth month) {
            Map<Stage, Stays> out = new EnumMap<>(Stage.class);
            stays.forEach((k, v) -> out.put(k, new Stays((int) v[0], v[1])));
            return new Row(unit, month, filed, ended, imposed, collected, out);
        }
    }

    /**
     * The rows of the months from {@code from} to {@code to} (inclusive): one per unit and month with anything in
     * it, units in code order, then, per month, the total of all units (unit null).
     */
    public static List<Row> of(List<CaseMoves> cases, YearMonth from, YearMonth to) {
        Map<YearMonth, Map<String, Acc>> byMonth = new TreeMap<>();
        for (CaseMoves c : cases) {
            LocalDate entered = c.discoveredOn();
            for (Move m : c.moves()) {
                YearMonth month = YearMonth.from(m.on());
                boolean inRange = !month.isBefore(from) && !month.isAfter(to);
                Acc acc = inRange
                        ? byMonth.computeIfAbsent(month, k -> new TreeMap<>()).computeIfAbsent(c.unit(), k -> new Acc())
                        : null;
                if (m.before() != m.after()) {
                    if (acc != null) {
                        acc.stay(m.before(), Math.max(0, ChronoUnit.DAYS.between(entered, m.on())));
                    }
                    entered = m.on();
                }
                if (acc == null) {
                    continue;
                }
                if (m.step() == Step.FILE) {
                    acc.filed++;
                }
                if (m.after().isFinal() && !m.before().isFinal()) {
                    acc.ended++;
                }
                if (m.step() == Step.DECIDE && m.fine() != null) {
                    acc.imposed = acc.imposed.add(m.fine());
                }
                if (m.step() == Step.PAY && m.amount() != null) {
                    acc.collected = acc.collected.add(m.amount());
                }
            }
        }
        List<Row> rows = new ArrayList<>();
        byMonth.forEach((month, units) -> {
            Acc total = new Acc();
            units.forEach((unit, acc) -> {
                rows.add(acc.row(unit, month));
                total.add(acc);
            });
            rows.add(total.row(null, month));
        });
        rows.sort(Comparator.comparing(Row::month));
        return rows;
    }
}
