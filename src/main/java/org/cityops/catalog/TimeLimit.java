package org.cityops.catalog;

import java.time.Duration;

/** A time limit (时限): how long, and on which clock. */
public record TimeLimit(Duration duration, TimeBasis basis) {}
