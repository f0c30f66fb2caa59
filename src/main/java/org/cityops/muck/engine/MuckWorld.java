package org.cityops.muck.engine;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * An immutable snapshot of the registry as the engine needs it: vehicles by terminal, permits by vehicle and
 * the fences in STRtree indexes. Rebuilt when the registry changes and swapped in atomically.
 */
public final class MuckWorld {

    private final LocalProjection projection;
    private final Map<String, VehicleProfile> vehicles = new HashMap<>();
    private final Map<Long, List<PermitRule>> permitsByVehicle = new HashMap<>();
    private final Map<Long, Fence> sites = new HashMap<>();
    private final Map<Long, Fence> disposals = new HashMap<>();
    private final STRtree index = new STRtree();

    public MuckWorld(
            LocalProjection projection,
            Collection<VehicleProfile> vehicles,
            Collection<PermitRule> permits,
            Collection<Fence> fences) {
        this.projection = projection;
        for (VehicleProfile v : vehicles) {
            this.vehicles.put(v.terminal(), v);
        }
        for (PermitRule p : permits) {
            for (Long vehicleId : p.vehicleIds()) {
                permitsByVehicle
                        .computeIfAbsent(vehicleId, k -> new ArrayList<>())
                        .add(p);
            }
        }
        for (Fence f : fences) {
            index.insert(f.area().getEnvelopeInternal(), f);
            if (f.kind() == Fence.Kind.SITE) {
                sites.put(f.id(), f);
            } else if (f.kind() == Fence.Kind.DISPOSAL) {
                disposals.put(f.id(), f);
            }
        }
        index.build();
    }

    public static MuckWorld empty(LocalProjection projection) {
        return new MuckWorld(projection, List.of(), List.of(), List.of());
    }

    public LocalProjection projection() {
        return projection;
    }

    public Optional<VehicleProfile> vehicle(String terminal) {
        return Optional.ofNullable(vehicles.get(terminal));
    }

    public Collection<VehicleProfile> vehicles() {
        return vehicles.values();
    }

    public List<PermitRule> permitsValidOn(long vehicleId, LocalDate day) {
        List<PermitRule> all = permitsByVehicle.getOrDefault(vehicleId, List.of());
        List<PermitRule> valid = new ArrayList<>(all.size());
        for (PermitRule p : all) {
            if (p.validOn(day)) {
                valid.add(p);
            }
        }
        return valid;
    }

    public boolean permitActive(long vehicleId, ZonedDateTime cityTime) {
        for (PermitRule p : permitsByVehicle.getOrDefault(vehicleId, List.of())) {
            if (p.activeAt(cityTime)) {
                return true;
            }
        }
        return false;
    }

    /** Every fence of the kind that covers the point. */
    public List<Fence> fencesAt(Point p, Fence.Kind kind) {
        @SuppressWarnings("unchecked")
        List<Fence> candidates = index.query(new Envelope(p.getCoordinate()));
        List<Fence> hits = new ArrayList<>(2);
        for (Fence f : candidates) {
            if (f.kind() == kind && f.contains(p)) {
                hits.add(f);
            }
        }
        return hits;
    }

    public Optional<Fence> firstAt(Point p, Fence.Kind kind) {
        List<Fence> hits = fencesAt(p, kind);
        return hits.isEmpty() ? Optional.empty() : Optional.of(hits.get(0));
    }

    public Optional<Fence> site(long id) {
        return Optional.ofNullable(sites.get(id));
    }

    public Optional<Fence> disposal(long id) {
        return Optional.ofNullable(disposals.get(id));
    }
}
