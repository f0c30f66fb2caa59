package org.cityops.stats.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One counted fact: {@code delta} added to {@code measure} on {@code day} for the case's place, category,
 * channel and department. {@code id} is derived from the event, so a replayed event gives the same id.
 * Missing codes are "" (the roll-up key has no nulls).
 */
public record Fact(
        String id,
        long caseId,
        Measure measure,
        int delta,
        LocalDate day,
        Instant at,
        String district,
        String street,
        String grid,
        String category,
        String channel,
        String department) {

    public Fact {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(measure, "measure");
        Objects.requireNonNull(day, "day");
        district = Objects.requireNonNullElse(district, "");
        street = Objects.requireNonNullElse(street, "");
        grid = Objects.requireNonNullElse(grid, "");
        category = Objects.requireNonNullElse(category, "");
        channel = Objects.requireNonNullElse(channel, "");
        department = Objects.requireNonNullElse(department, "");
    }

    /** The fact that takes this 超期未结 back out once the case is closed (same day and place, delta -1). */
    public Fact closedAgain() {
        return new Fact(
                id + ":closed",
                caseId,
                measure,
                -delta,
                day,
                at,
                district,
                street,
                grid,
                category,
                channel,
                department);
    }
}
