package org.cityops.cases.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import org.cityops.platform.CityClock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Human-readable case numbers: the city's date (yyyyMMdd) and a daily sequence of at least 5 digits, e.g.
 * {@code 2026112700012}. Each node takes a block of numbers from {@code case_number_counter} in its own short
 * transaction (row lock held for one UPDATE), so intake never queues on one counter row; numbers of a block
 * left unused at shutdown are skipped (unique, not gapless).
 */
@Component
class CaseNumbers {

    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final int blockSize;

    private String day;
    private long next;
    private long limit;

    CaseNumbers(
            JdbcClient jdbc,
            Clock clock,
            PlatformTransactionManager tm,
            @Value("${cityops.cases.number-block:50}") int blockSize) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.tx = new TransactionTemplate(tm);
        this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.blockSize = Math.max(1, blockSize);
    }

    synchronized String next() {
        String today = DAY.format(LocalDate.now(clock.withZone(CityClock.ZONE)));
        if (!today.equals(day) || next > limit) {
            long end = allocate(today);
            day = today;
            next = end - blockSize + 1;
            limit = end;
        }
        long n = next++;
        String digits = Long.toString(n);
        return digits.length() >= 5 ? today + digits : today + "00000".substring(digits.length()) + digits;
    }

    /** Reserves the next block for a day; returns its last number. */
    private long allocate(String dayKey) {
        Long end = tx.execute(s -> {
            int updated = jdbc.sql("UPDATE case_number_counter SET last_no = last_no + :n WHERE day_key = :d")
                    .param("n", blockSize)
                    .param("d", dayKey)
                    .update();
            if (updated == 0) {
                try {
                    jdbc.sql("INSERT INTO case_number_counter (day_key, last_no) VALUES (:d, :n)")
                            .param("d", dayKey)
                            .param("n", blockSize)
                            .update();
                    return (long) blockSize;
                } catch (org.springframework.dao.DuplicateKeyException raced) {
                    return null;
                }
            }
            return jdbc.sql("SELECT last_no FROM case_number_counter WHERE day_key = :d")
                    .param("d", dayKey)
                    .query(Long.class)
                    .single();
        });
        return end != null ? end : allocate(dayKey);
    }
}
