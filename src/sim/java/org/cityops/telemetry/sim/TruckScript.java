package org.cityops.telemetry.sim;

import java.util.List;
import org.cityops.telemetry.Position;

/**
 * One scripted truck of a {@link Scenario}: who it is (terminal number and plate, registered with the plate), what it
 * is meant to show, its reports in time order, and whether it then logs out and goes silent. {@link ScenarioDriver}
 * plays it over JT/T 808.
 */
public record TruckScript(String terminal, String plate, String story, List<Position> reports, boolean goesSilent) {}
