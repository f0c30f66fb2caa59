package org.cityops.sanitation.fleet;

import java.util.Optional;
import org.cityops.telemetry.TerminalDirectory;
import org.springframework.context.annotation.Fallback;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Telemetry's gateway asks here (beside the muck registry) whether a terminal is fitted to a registered sanitation
 * vehicle in service, or is a worker's device (作业人员的定位终端, no plate bound): unknown terminals are refused, as
 * for muck trucks.
 */
@Component
@Fallback // telemetry asks every directory; a single injection of TerminalDirectory still gets muck's
class SanitationTerminalDirectory implements TerminalDirectory {

    private final JdbcClient jdbc;

    SanitationTerminalDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<KnownTerminal> find(String terminal) {
        String t = terminal == null ? "" : terminal.replaceFirst("^0+", "");
        return jdbc.sql("SELECT terminal_phone, plate, plate_color FROM san_vehicle "
                        + "WHERE terminal_phone = :t AND status = 'ACTIVE'")
                .param("t", t)
                .query((rs, n) -> new KnownTerminal(rs.getString(1), rs.getString(2), rs.getInt(3)))
                .optional()
                .or(() -> jdbc.sql("SELECT terminal_phone FROM san_worker WHERE terminal_phone = :t AND active")
                        .param("t", t)
                        .query((rs, n) -> new KnownTerminal(rs.getString(1), "", 0))
                        .optional());
    }
}
