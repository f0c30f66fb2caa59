package org.cityops.catalog.internal.calendar;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;
import org.cityops.platform.CityClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/health} component {@code workingCalendar}: always UP (a missing year is work for a clerk, not an
 * outage), with the years that need holidays and those still missing (from 1 November, next year too).
 */
@Component("workingCalendar")
class CalendarHealth implements HealthIndicator {

    private final Supplier<CalendarRules> rules;
    private final Clock clock;

    @Autowired
    CalendarHealth(CachedWorkingCalendar calendar, Clock clock) {
        this(calendar::rules, clock);
    }

    CalendarHealth(Supplier<CalendarRules> rules, Clock clock) {
        this.rules = rules;
        this.clock = clock;
    }

    @Override
    public Health health() {
        LocalDate today = LocalDate.now(clock.withZone(CityClock.ZONE));
        List<Integer> missing = CalendarCoverage.missingYears(rules.get().yearsWithHolidays(), today);
        Health.Builder up = Health.up()
                .withDetail("neededYears", CalendarCoverage.neededYears(today))
                .withDetail("missingYears", missing);
        if (!missing.isEmpty()) {
            up.withDetail("warning", CalendarCoverage.warning(missing));
        }
        return up.build();
    }
}
