package org.cityops.wastestream.balance;

import java.math.BigDecimal;
import java.time.Instant;

/** What the balance rules need of a stored collection. */
public record Pickup(long id, String plate, Instant collectedAt, BigDecimal netKg, long producerId, boolean far) {}
