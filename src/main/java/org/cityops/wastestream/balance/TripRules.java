package org.cityops.wastestream.balance;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Trips and the mass balance (物料平衡), without Spring or SQL. For one vehicle, its weighbridge receipts in time
 * order split its pickups: a receipt closes the trip of every pickup after the previous receipt's weigh-in and at or
 * before its own weigh-in; pickups after the last receipt form an open trip. A closed trip is flagged when
 * |weighed − collected| exceeds {@code tolerance} × weighed (default 10 %).
 */
public final class TripRules {

    private final BigDecimal tolerance;

    public TripRules(double tolerance) {
        if (tolerance < 0 || tolerance > 1) {
            throw new IllegalArgumentException("tolerance must be 0..1");
        }
        this.tolerance = BigDecimal.valueOf(tolerance);
    }

    /**
     * @param pickups  one vehicle's pickups (any order)
     * @param receipts the same vehicle's receipts (any order)
     * @param after    receipts before this instant only bound the first trip; pickups before it are not reported
     */
    public List<Trip> trips(String plate, List<Pickup> pickups, List<WeighbridgeReceipt> receipts, Instant after) {
        List<Pickup> ps = pickups.stream()
                .sorted(Comparator.comparing(Pickup::collectedAt))
                .toList();
        List<WeighbridgeReceipt> rs = receipts.stream()
                .sorted(Comparator.comparing(WeighbridgeReceipt::inAt))
                .toList();
        List<Trip> out = new ArrayList<>();
        int i = 0;
        Instant previous = Instant.MIN;
        for (WeighbridgeReceipt r : rs) {
            List<Pickup> trip = new ArrayList<>();
            while (i < ps.size() && !ps.get(i).collectedAt().isAfter(r.inAt())) {
                if (ps.get(i).collectedAt().isAfter(previous)) {
                    trip.add(ps.get(i));
                }
                i++;
            }
            previous = r.inAt();
            if (!r.inAt().isBefore(after)) {
                out.add(closed(plate, trip, r));
            }
        }
        List<Pickup> open = ps.subList(i, ps.size()).stream()
                .filter(p -> !p.collectedAt().isBefore(after))
                .toList();
        if (!open.isEmpty()) {
            out.add(open(
                    plate,
                    open.size(),
                    sum(open),
                    open.get(0).collectedAt(),
                    open.get(open.size() - 1).collectedAt()));
        }
        return out;
    }

    /** The open trip (未过磅) of {@code count} pickups after the vehicle's last weigh-in. */
    public Trip open(String plate, int count, BigDecimal collected, Instant first, Instant last) {
        return new Trip(plate, first, last, null, null, count, collected, null, null, null, TripStatus.OPEN);
    }

    Trip closed(String plate, List<Pickup> trip, WeighbridgeReceipt r) {
        return closed(
                plate,
                trip.size(),
                sum(trip),
                trip.isEmpty() ? null : trip.get(0).collectedAt(),
                trip.isEmpty() ? null : trip.get(trip.size() - 1).collectedAt(),
                r);
    }

    /**
     * The same closed trip from its pickups already summed (the month's trips are aggregated in the database, not
     * read pickup by pickup): {@code count} pickups of {@code collected} kg, the first and last at the given times.
     */
    public Trip closed(
            String plate, int count, BigDecimal collected, Instant first, Instant last, WeighbridgeReceipt r) {
        BigDecimal weighed = r.netKg();
        BigDecimal gap = weighed.subtract(collected);
        BigDecimal base = weighed.signum() > 0 ? weighed : collected;
        Double deviation = base.signum() == 0
                ? 0.0
                : gap.divide(base, 6, RoundingMode.HALF_UP).doubleValue();
        TripStatus status;
        if (gap.abs().compareTo(tolerance.multiply(base)) <= 0) {
            status = TripStatus.BALANCED;
        } else {
            status = gap.signum() < 0 ? TripStatus.SHORT : TripStatus.EXCESS;
        }
        return new Trip(plate, first, last, r.receiptNo(), r.inAt(), count, collected, weighed, gap, deviation, status);
    }

    private static BigDecimal sum(List<Pickup> ps) {
        BigDecimal s = BigDecimal.ZERO;
        for (Pickup p : ps) {
            s = s.add(p.netKg());
        }
        return s;
    }
}
