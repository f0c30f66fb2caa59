package org.cityops.muck.registry;

import java.util.List;
import java.util.Optional;
import org.cityops.muck.registry.RegistryModel.Vehicle;
import org.springframework.stereotype.Service;

/**
 * The vehicle lookups under their first name. The registry (登记备案) is one class per record family:
 * {@link Companies}, {@link Vehicles}, {@link Drivers}, {@link Sites} (with their file), {@link DisposalSites},
 * {@link Permits} and {@link Zones}, sharing {@link ScopedQueries} for the caller's data scope. This class only
 * delegates to {@link Vehicles}, so that code written against {@code MuckRegistry} keeps compiling; new code
 * injects {@link Vehicles}.
 */
@Service
public class MuckRegistry {

    private final Vehicles vehicles;

    MuckRegistry(Vehicles vehicles) {
        this.vehicles = vehicles;
    }

    /** @see Vehicles#vehicles(Long, String) */
    public List<Vehicle> vehicles(Long companyId, String q) {
        return vehicles.vehicles(companyId, q);
    }

    /** @see Vehicles#vehicle(long) */
    public Vehicle vehicle(long id) {
        return vehicles.vehicle(id);
    }

    /** @see Vehicles#vehicleByTerminal(String) */
    public Optional<Vehicle> vehicleByTerminal(String terminal) {
        return vehicles.vehicleByTerminal(terminal);
    }
}
