package org.cityops.muck.registry;

import java.util.Locale;
import java.util.Optional;

import org.cityops.muck.engine.Terminals;
import org.cityops.telemetry.TerminalDirectory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Telemetry's gateway asks here during 0x0100 registration which terminals are fitted to a registered muck truck.
 * Numbers are compared without leading zeros; retired vehicles are not known any more. Plates are compared
 * without spaces, middle dots or dashes, case-insensitively (苏D·M3601 = 苏DM3601).
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

    @Override
    public Optional<KnownTerminal> findByPlate(String plate, int plateColor) {
        String key = plateKey(plate);
        if (key.isEmpty() || plateColor == 0) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT terminal_phone, plate, plate_color FROM muck_vehicle WHERE plate_color = :c "
                        + "AND status <> 'RETIRED' AND UPPER(REPLACE(REPLACE(REPLACE(REPLACE(plate, ' ', ''), "
                        + "'·', ''), '-', ''), '.', '')) = :p")
                .param("c", plateColor).param("p", key)
                .query((rs, n) -> new KnownTerminal(rs.getString(1), rs.getString(2), rs.getInt(3))).optional();
    }

    static String plateKey(String plate) {
        if (plate == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(plate.length());
        for (int i = 0; i < plate.length(); i++) {
            char c = plate.charAt(i);
            if (!Character.isWhitespace(c) && c != '·' && c != '-' && c != '.' && c != 0) {
                b.append(c);
            }
        }
        return b.toString().toUpperCase(Locale.ROOT);
    }
}
