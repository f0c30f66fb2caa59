package org.cityops.rectification;

import java.time.Instant;

/**
 * A live indicator's value at a moment, e.g. "16 received, 14 closed, 2 in progress".
 *
 * @param value   the headline number (may be null when the indicator is only text)
 * @param display the value as people read it
 */
public record IndicatorValue(Long value, String display, Instant at) {}
