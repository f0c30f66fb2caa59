package org.cityops.wastestream.collection;

import java.util.Optional;
import org.cityops.telemetry.TerminalDirectory;
import org.springframework.context.annotation.Fallback;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Telemetry's gateway asks here (beside muck's and sanitation's directories) whether a terminal is fitted to a
 * registered kitchen-waste vehicle in service: unknown terminals are refused.
 */
@Component
@Fallback // telemetry asks every directory; a single injection of TerminalDirectory still gets muck's
class WasteTerminalDirectory implements TerminalDirectory {

    private final JdbcClient jdbc;

    WasteTerminalDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<KnownTerminal> find(String terminal) {
        String t = terminal == null ? "" : terminal.replaceFirst("^0+", "");
        return jdbc.sql("SELECT terminal_phone, plate, plate_color FROM wst_vehicle "
                        + "WHERE terminal_phone = :t AND status = 'ACTIVE'")
                .param("t", t)
                .query((rs, n) -> new KnownTerminal(rs.getString(1), rs.getString(2), rs.getInt(3)))
                .optional();
    }
}
