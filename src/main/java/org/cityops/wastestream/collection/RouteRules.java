package org.cityops.wastestream.collection;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cityops.platform.CityClock;

/**
 * "A vehicle not on its route at that time" (issue 17, point 2), without Spring or SQL. A collection route (收运线路)
 * is, for one vehicle, the producers it serves on each weekday with a time window (北京时间). A pickup by a vehicle
 * that has a route is flagged {@link Flag#NOT_ON_ROUTE} when that weekday's route does not include the producer
 * (or the vehicle has no route that weekday), {@link Flag#OUTSIDE_WINDOW} when it does but the pickup's time lies
 * outside the window (from inclusive, to exclusive). A vehicle with no route at all is not checked: routes are
 * entered vehicle by vehicle. The flag does not refuse the pickup (the waste was collected); it is shown and counted.
 */
public final class RouteRules {

    /** Why a pickup is off its vehicle's route. */
    public enum Flag {
        NOT_ON_ROUTE("不在当日收运线路"),
        OUTSIDE_WINDOW("超出线路收运时段");

        private final String label;

        Flag(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        /** The flag stored in {@code route_flag}, or empty. */
        public static Optional<Flag> of(String code) {
            return code == null ? Optional.empty() : Optional.of(valueOf(code));
        }
    }

    /** One stop of a route: on {@code weekday} the vehicle collects at the producer between from and to. */
    public record Stop(long vehicleId, DayOfWeek weekday, long producerId, LocalTime from, LocalTime to) {}

    private record Key(long vehicleId, DayOfWeek weekday, long producerId) {}

    private final Map<Key, Stop> stops = new HashMap<>();
    private final Map<Long, Boolean> routed = new HashMap<>();

    public RouteRules(List<Stop> all) {
        for (Stop s : all) {
            stops.put(new Key(s.vehicleId(), s.weekday(), s.producerId()), s);
            routed.put(s.vehicleId(), Boolean.TRUE);
        }
    }

    /** The flag of a pickup by the vehicle at the producer at that instant, or empty when it is on its route. */
    public Optional<Flag> flag(long vehicleId, long producerId, Instant at) {
        if (!routed.containsKey(vehicleId)) {
            return Optional.empty();
        }
        ZonedDateTime local = at.atZone(CityClock.ZONE);
        Stop stop = stops.get(new Key(vehicleId, local.getDayOfWeek(), producerId));
        if (stop == null) {
            return Optional.of(Flag.NOT_ON_ROUTE);
        }
        LocalTime t = local.toLocalTime();
        if (t.isBefore(stop.from()) || !t.isBefore(stop.to())) {
            return Optional.of(Flag.OUTSIDE_WINDOW);
        }
        return Optional.empty();
    }

    /** Whether the vehicle has a route at all (else its pickups are not checked). */
    public boolean routed(long vehicleId) {
        return routed.containsKey(vehicleId);
    }
}
