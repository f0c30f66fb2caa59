package org.cityops.notify.internal;

/**
 * How fast the dispatcher may deliver: at most {@code maxPerSecond} notices a second (0 = as fast as the channels
 * take them). A burst of thousands of notices is then spread over seconds instead of taking the CPU that case intake
 * needs for the same moment; 10,000 at 500 a second take 20 s, well inside the minute a burst may take.
 */
record DeliveryPace(int maxPerSecond) {

    DeliveryPace {
        if (maxPerSecond < 0) {
            throw new IllegalArgumentException("max-per-second must be 0 (no cap) or more, not " + maxPerSecond);
        }
    }

    /** How long to wait after a round that delivered {@code delivered} notices in {@code tookMillis}. */
    long pauseMillis(int delivered, long tookMillis) {
        if (maxPerSecond == 0 || delivered <= 0) {
            return 0;
        }
        long least = delivered * 1000L / maxPerSecond;
        return Math.max(0, least - Math.max(0, tookMillis));
    }
}
