package org.cityops.muck.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.cityops.muck.registry.Companies;
import org.cityops.muck.registry.Drivers;
import org.cityops.muck.registry.RegistryModel.Company;
import org.cityops.muck.registry.RegistryModel.CompanyRequest;
import org.cityops.muck.registry.RegistryModel.Driver;
import org.cityops.muck.registry.RegistryModel.DriverRequest;
import org.cityops.muck.registry.RegistryModel.Vehicle;
import org.cityops.muck.registry.RegistryModel.VehicleRequest;
import org.cityops.muck.registry.Vehicles;
import org.cityops.org.CurrentActor;
import org.cityops.org.StaffMember;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The fleet of the registry (登记备案): transport companies, their vehicles and drivers. */
@RestController
@Validated
@RequestMapping("/api/v1/muck")
@PreAuthorize("hasAnyRole('ADMIN','MUCK_SUPERVISOR')")
class FleetApiController {

    private final Companies companies;
    private final Vehicles vehicles;
    private final Drivers drivers;

    FleetApiController(Companies companies, Vehicles vehicles, Drivers drivers) {
        this.companies = companies;
        this.vehicles = vehicles;
        this.drivers = drivers;
    }

    @GetMapping("/companies")
    List<Company> companies(@CurrentActor StaffMember me) {
        return companies.companies(me);
    }

    @GetMapping("/companies/{id}")
    Company company(@CurrentActor StaffMember me, @PathVariable long id) {
        return companies.company(me, id);
    }

    @PostMapping("/companies")
    @ResponseStatus(HttpStatus.CREATED)
    Company createCompany(@CurrentActor StaffMember me, @Valid @RequestBody CompanyRequest r) {
        return companies.createCompany(me, r);
    }

    @PutMapping("/companies/{id}")
    Company updateCompany(@CurrentActor StaffMember me, @PathVariable long id, @Valid @RequestBody CompanyRequest r) {
        return companies.updateCompany(me, id, r);
    }

    @GetMapping("/vehicles")
    List<Vehicle> vehicles(
            @CurrentActor StaffMember me,
            @RequestParam(required = false) Long companyId,
            @RequestParam(required = false) @Size(max = 32) String q) {
        return vehicles.vehicles(me, companyId, q);
    }

    @GetMapping("/vehicles/{id}")
    Vehicle vehicle(@CurrentActor StaffMember me, @PathVariable long id) {
        return vehicles.vehicle(me, id);
    }

    @PostMapping("/vehicles")
    @ResponseStatus(HttpStatus.CREATED)
    Vehicle createVehicle(@CurrentActor StaffMember me, @Valid @RequestBody VehicleRequest r) {
        return vehicles.createVehicle(me, r);
    }

    @PutMapping("/vehicles/{id}")
    Vehicle updateVehicle(@CurrentActor StaffMember me, @PathVariable long id, @Valid @RequestBody VehicleRequest r) {
        return vehicles.updateVehicle(me, id, r);
    }

    @GetMapping("/drivers")
    List<Driver> drivers(@CurrentActor StaffMember me, @RequestParam(required = false) Long companyId) {
        return drivers.drivers(me, companyId);
    }

    @GetMapping("/drivers/{id}")
    Driver driver(@CurrentActor StaffMember me, @PathVariable long id) {
        return drivers.driver(me, id);
    }

    @PostMapping("/drivers")
    @ResponseStatus(HttpStatus.CREATED)
    Driver createDriver(@CurrentActor StaffMember me, @Valid @RequestBody DriverRequest r) {
        return drivers.createDriver(me, r);
    }

    @PutMapping("/drivers/{id}")
    Driver updateDriver(@CurrentActor StaffMember me, @PathVariable long id, @Valid @RequestBody DriverRequest r) {
        return drivers.updateDriver(me, id, r);
    }
}
