package org.cityops.muck.registry;

import java.util.Optional;

import org.cityops.muck.engine.Terminals;
import org.cityops.telemetry.TerminalDirectory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Telemetry's gateway asks here during 0x0100 registration which terminals are fitted to a registered muck truck.
 * Numbers are compared without leading zeros; retired vehicles are not known any more.
 */
@Component
class VehicleTerminalDirectory implements TerminalDirectory {

    private final JdbcClient jdbc;

    VehicleTerminalDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<KnownTerminal> find(String terminal) {
        String t = Terminals.normalize(terminal);
        if (t == null) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT terminal_phone, plate, plate_color FROM muck_vehicle "
                        + "WHERE terminal_phone = :t AND status <> 'RETIRED'")
                .param("t", t)
                .query((rs, n) -> new KnownTerminal(rs.getString(1), rs.getString(2), rs.getInt(3))).optional();
    }
}
