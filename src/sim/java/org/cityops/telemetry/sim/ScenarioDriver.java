package org.cityops.telemetry.sim;

import io.netty.channel.EventLoopGroup;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.cityops.telemetry.Position;
import org.cityops.telemetry.jt808.GeneralResponse;
import org.cityops.telemetry.jt808.Jt808;

/**
 * Plays scripted trucks ({@link TruckScript}) over JT/T 808 TCP, one truck after another: connect,
 * authenticate with the code from an earlier run or register with the demo plate and authenticate, send each report and wait for its 0x8001 (so the platform has stored
 * it before the next is sent and the engine sees them in order); a silent truck logs out afterwards.
 */
public final class ScenarioDriver {

    /** What happened to one truck: reports acknowledged with result 0, out of those sent; null error when fine. */
    public record Outcome(String terminal, int sent, int acked, String error) {

        public boolean ok() {
            return error == null && acked == sent;
        }
    }

    private final EventLoopGroup group;
    private final String host;
    private final int port;
    private final Duration timeout;
    private final long paceMillis;
    private final Consumer<String> log;
    private final AuthCodeBook codes;

    public ScenarioDriver(
            EventLoopGroup group, String host, int port, Duration timeout, long paceMillis, Consumer<String> log) {
        this(group, host, port, timeout, paceMillis, log, new AuthCodeBook());
    }

    /** @param codes the codes the trucks got in earlier runs (a terminal registers once; then it authenticates) */
    public ScenarioDriver(
            EventLoopGroup group,
            String host,
            int port,
            Duration timeout,
            long paceMillis,
            Consumer<String> log,
            AuthCodeBook codes) {
        this.codes = codes;
        this.group = group;
        this.host = host;
        this.port = port;
        this.timeout = timeout;
        this.paceMillis = paceMillis;
        this.log = log;
    }

    public List<Outcome> play(List<TruckScript> scripts) throws InterruptedException {
        List<Outcome> outcomes = new ArrayList<>(scripts.size());
        for (TruckScript s : scripts) {
            Outcome o = play(s);
            log.accept(String.format(
                    "%s %s: %d/%d acknowledged%s — %s",
                    s.terminal(),
                    s.plate(),
                    o.acked(),
                    o.sent(),
                    o.error() == null ? "" : " (" + o.error() + ")",
                    s.story()));
            outcomes.add(o);
        }
        return outcomes;
    }

    Outcome play(TruckScript s) throws InterruptedException {
        int acked = 0;
        int sent = 0;
        try (BlockingTerminal t = new BlockingTerminal(group, host, port, s.terminal(), false)) {
            String code = null;
            for (int attempt = 0; attempt < 3 && code == null && !t.closedByPlatform(); attempt++) {
                code = t.login(s.plate(), codes, timeout);
            }
            if (code == null) {
                return new Outcome(
                        s.terminal(),
                        s.reports().size(),
                        0,
                        t.closedByPlatform()
                                ? "connection closed by the platform"
                                : "registration or authentication refused or not answered");
            }
            for (Position p : s.reports()) {
                sent++;
                GeneralResponse r = t.awaitResponse(t.client().location(p, true), timeout);
                if (r != null && r.result() == Jt808.OK) {
                    acked++;
                }
                if (paceMillis > 0) {
                    Thread.sleep(paceMillis);
                }
            }
            if (s.goesSilent()) {
                t.awaitResponse(t.client().logout(), timeout);
            }
            return new Outcome(s.terminal(), sent, acked, null);
        } catch (RuntimeException e) {
            return new Outcome(s.terminal(), s.reports().size(), acked, e.toString());
        }
    }
}
