package org.cityops.notify.internal;

import java.util.EnumMap;
import java.util.Map;

/**
 * How fast the dispatcher may deliver, lane by lane ({@link DeliveryLane}): each lane has its own budget of notices a
 * second (0 = as fast as the channels take them), kept as a bucket that holds at most one second's worth — a lane
 * that was quiet may send that much at once, then its rate. A lane's rounds are at least {@link #ROUND_GAP_NANOS}
 * apart, so notices trickling in (one per new case) go out in batches instead of one claim and one write each;
 * the urgent lane, uncapped, is claimed whenever something is due. Times are {@link System#nanoTime()} values,
 * passed in. Not thread-safe: the dispatcher's thread alone uses it.
 */
final class DeliveryPace {

    /** A capped lane's rounds are at least this far apart (at most ten a second). */
    static final long ROUND_GAP_NANOS = 100_000_000L;

    private static final long SECOND = 1_000_000_000L;

    private final int batch;
    private final Map<DeliveryLane, Lane> lanes = new EnumMap<>(DeliveryLane.class);

    /**
     * @param perSecond each lane's budget (a lane not named, or 0: uncapped)
     * @param batch     the most one round claims from a lane
     * @param now       when the buckets start full
     */
    DeliveryPace(Map<DeliveryLane, Integer> perSecond, int batch, long now) {
        if (batch < 1) {
            throw new IllegalArgumentException("batch-size must be 1 or more, not " + batch);
        }
        this.batch = batch;
        for (DeliveryLane lane : DeliveryLane.values()) {
            int rate = perSecond.getOrDefault(lane, 0);
            if (rate < 0) {
                throw new IllegalArgumentException(
                        "lanes." + lane.code() + " must be 0 (no cap) or more notices a second, not " + rate);
            }
            lanes.put(lane, new Lane(rate, now));
        }
    }

    /** How many notices the lane may claim now (0: not its turn yet, or its budget is spent). */
    int allowance(DeliveryLane lane, long now) {
        Lane l = lanes.get(lane);
        if (l.rate == 0) {
            return batch;
        }
        if (l.lastRound != Long.MIN_VALUE && now - l.lastRound < ROUND_GAP_NANOS) {
            return 0;
        }
        return (int) Math.min(batch, l.tokens(now));
    }

    /** The lane claimed {@code claimed} notices at {@code now}: they are spent from its budget. */
    void took(DeliveryLane lane, int claimed, long now) {
        Lane l = lanes.get(lane);
        if (l.rate == 0) {
            return;
        }
        l.refill(now);
        l.tokens = Math.max(0, l.tokens - claimed);
        l.lastRound = now;
    }

    /** How long until the lane may claim again (0: now). */
    long waitNanos(DeliveryLane lane, long now) {
        Lane l = lanes.get(lane);
        if (l.rate == 0) {
            return 0;
        }
        long gap = l.lastRound == Long.MIN_VALUE ? 0 : Math.max(0, l.lastRound + ROUND_GAP_NANOS - now);
        double missing = 1 - l.tokens(now);
        long refill = missing <= 0 ? 0 : (long) Math.ceil(missing * SECOND / l.rate);
        return Math.max(gap, refill);
    }

    /** The lane's budget (0 = uncapped). */
    int perSecond(DeliveryLane lane) {
        return lanes.get(lane).rate;
    }

    private static final class Lane {
        final int rate;
        double tokens;
        long filledAt;
        long lastRound = Long.MIN_VALUE;

        Lane(int rate, long now) {
            this.rate = rate;
            this.tokens = rate;
            this.filledAt = now;
        }

        double tokens(long now) {
            refill(now);
            return tokens;
        }

        void refill(long now) {
            if (now > filledAt) {
                tokens = Math.min(rate, tokens + (double) (now - filledAt) * rate / SECOND);
                filledAt = now;
            }
        }
    }
}
