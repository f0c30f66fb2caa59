package org.cityops.wastestream.collection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import org.cityops.platform.CityClock;
import org.cityops.wastestream.collection.RouteRules.Flag;
import org.junit.jupiter.api.Test;

/** A pickup against its vehicle's route: the producer on that weekday's route, inside the window (北京时间). */
class RouteRulesTests {

    static final long VEHICLE = 7;
    static final long OTHER_VEHICLE = 8;
    static final long ON_ROUTE = 100;
    static final long NOT_ON_ROUTE = 200;

    // 2026-03-02 is a Monday
    final RouteRules rules = new RouteRules(List.of(
            new RouteRules.Stop(VEHICLE, DayOfWeek.MONDAY, ON_ROUTE, LocalTime.of(6, 0), LocalTime.of(10, 0)),
            new RouteRules.Stop(VEHICLE, DayOfWeek.TUESDAY, NOT_ON_ROUTE, LocalTime.of(14, 0), LocalTime.of(18, 0))));

    static Instant beijing(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(CityClock.ZONE).toInstant();
    }

    @Test
    void aPickupAtAProducerOnThatWeekdaysRouteInsideTheWindowIsNotFlagged() {
        assertThat(rules.flag(VEHICLE, ON_ROUTE, beijing("2026-03-02T08:30"))).isEmpty();
    }

    @Test
    void aPickupAtAProducerNotOnThatWeekdaysRouteIsFlaggedNotOnRoute() {
        assertThat(rules.flag(VEHICLE, NOT_ON_ROUTE, beijing("2026-03-02T08:30")))
                .contains(Flag.NOT_ON_ROUTE);
    }

    @Test
    void aProducerOnAnotherWeekdaysRouteOnlyIsNotOnTodaysRoute() {
        assertThat(rules.flag(VEHICLE, ON_ROUTE, beijing("2026-03-03T08:30"))).contains(Flag.NOT_ON_ROUTE);
    }

    @Test
    void aWeekdayWithoutAnyRouteFlagsEveryPickupOfARoutedVehicle() {
        assertThat(rules.flag(VEHICLE, ON_ROUTE, beijing("2026-03-08T08:30"))).contains(Flag.NOT_ON_ROUTE);
    }

    @Test
    void aPickupBeforeOrAfterTheWindowIsFlaggedOutsideTheWindow() {
        assertThat(rules.flag(VEHICLE, ON_ROUTE, beijing("2026-03-02T05:59"))).contains(Flag.OUTSIDE_WINDOW);
        assertThat(rules.flag(VEHICLE, ON_ROUTE, beijing("2026-03-02T10:30"))).contains(Flag.OUTSIDE_WINDOW);
    }

    @Test
    void theWindowIncludesItsStartAndExcludesItsEnd() {
        assertThat(rules.flag(VEHICLE, ON_ROUTE, beijing("2026-03-02T06:00"))).isEmpty();
        assertThat(rules.flag(VEHICLE, ON_ROUTE, beijing("2026-03-02T10:00"))).contains(Flag.OUTSIDE_WINDOW);
    }

    @Test
    void theWeekdayAndTimeAreBeijingTimeNotUtc() {
        // 2026-03-02 23:30 UTC is Tuesday 07:30 in Beijing: Tuesday's route holds only NOT_ON_ROUTE, 14:00–18:00
        Instant lateMondayUtc = Instant.parse("2026-03-02T23:30:00Z");
        assertThat(rules.flag(VEHICLE, ON_ROUTE, lateMondayUtc)).contains(Flag.NOT_ON_ROUTE);
        assertThat(rules.flag(VEHICLE, NOT_ON_ROUTE, lateMondayUtc)).contains(Flag.OUTSIDE_WINDOW);
    }

    @Test
    void aVehicleWithoutAnyRouteIsNotChecked() {
        assertThat(rules.routed(OTHER_VEHICLE)).isFalse();
        assertThat(rules.flag(OTHER_VEHICLE, NOT_ON_ROUTE, beijing("2026-03-02T03:00")))
                .isEmpty();
    }
}
