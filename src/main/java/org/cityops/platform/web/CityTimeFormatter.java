package org.cityops.platform.web;

import java.time.Instant;
import org.cityops.platform.CityClock;
import org.springframework.stereotype.Component;

/** For templates: {@code ${@cityTime.display(instant)}} shows an instant in the city's time zone. */
@Component("cityTime")
public class CityTimeFormatter {

    public String display(Instant instant) {
        return CityClock.display(instant);
    }
}
