package org.cityops.platform;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/** Times are stored as UTC instants and shown in the city's zone (Asia/Shanghai by default). */
public final class CityClock {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter DISPLAY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private CityClock() {}

    public static String display(Instant instant) {
        return instant == null ? "" : DISPLAY.format(ZonedDateTime.ofInstant(instant, ZONE));
    }

    public static Clock systemClock() {
        return Clock.system(ZONE);
    }
}
