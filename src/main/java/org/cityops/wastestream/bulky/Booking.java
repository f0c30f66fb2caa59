package org.cityops.wastestream.bulky;

import java.time.Instant;
import java.time.LocalDate;

/** A pickup booking as staff see it: the phone is always masked ({@code phoneMasked}). */
public record Booking(
        long id,
        String code,
        long centreId,
        String centreName,
        String address,
        String items,
        LocalDate day,
        Slot slot,
        String phoneMasked,
        BookingStatus status,
        String crew,
        Instant createdAt) {}
