package org.cityops.muck.registry;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
                .query((rs, n) -> new KnownTerminal(rs.getString(1), rs.getString(2), rs.getInt(3)))
                .optional();
    }

    @Override
    public Map<String, KnownTerminal> findAll(Collection<String> terminals) {
        Map<String, String> byNormalized = new HashMap<>();
        for (String t : new HashSet<>(terminals)) {
            String n = Terminals.normalize(t);
            if (n != null) {
                byNormalized.put(n, t);
            }
        }
        List<String> keys = new ArrayList<>(byNormalized.keySet());
        Map<String, KnownTerminal> known = new HashMap<>();
        for (int i = 0; i < keys.size(); i += 500) {
            jdbc.sql("SELECT terminal_phone, plate, plate_color FROM muck_vehicle "
                            + "WHERE terminal_phone IN (:ts) AND status <> 'RETIRED'")
                    .param("ts", keys.subList(i, Math.min(keys.size(), i + 500)))
                    .query(rs -> {
                        known.put(
                                byNormalized.get(rs.getString(1)),
                                new KnownTerminal(rs.getString(1), rs.getString(2), rs.getInt(3)));
                    });
        }
        return known;
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
                .param("c", plateColor)
                .param("p", key)
                .query((rs, n) -> new KnownTerminal(rs.getString(1), rs.getString(2), rs.getInt(3)))
                .optional();
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
