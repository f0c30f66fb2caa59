package org.cityops.telemetry.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.security.Principal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.cityops.platform.AccessDeniedToEntityException;
import org.cityops.platform.InvalidInputException;
import org.cityops.platform.NotFoundException;
import org.cityops.telemetry.Position;
import org.cityops.telemetry.TerminalAccess;
import org.cityops.telemetry.TerminalDirectory;
import org.cityops.telemetry.internal.TelemetryGateway;
import org.cityops.telemetry.jt808.Bcd;
import org.cityops.telemetry.pipeline.PositionRules;
import org.cityops.telemetry.pipeline.Submission;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The track API: a terminal's latest position and its positions in a time window, and HTTP ingest of positions
 * forwarded by other platforms (same durable pipeline as JT/T 808: the response comes after the commit).
 * Every terminal-scoped request applies the vehicle registry's data scope through {@link TerminalAccess}: a
 * terminal belongs to the district of the vehicle it is fitted to.
 */
@RestController
@Validated
@RequestMapping("/api/v1/telemetry")
class TelemetryApiController {

    static final int MAX_INGEST = 1000;

    private final TelemetryGateway gateway;
    private final java.time.Clock clock;
    private final Duration maxAge;
    private final TerminalAccess access;
    private final ObjectProvider<TerminalDirectory> directories;

    TelemetryApiController(
            TelemetryGateway gateway,
            java.time.Clock clock,
            ObjectProvider<TerminalAccess> access,
            ObjectProvider<TerminalDirectory> directories,
            @Value("${cityops.telemetry.retention-days:180}") int retentionDays) {
        this.gateway = gateway;
        this.access = EveryRegistry.of(access.orderedStream().toList(), NO_REGISTRY);
        this.directories = directories;
        this.clock = clock;
        this.maxAge = Duration.ofDays(retentionDays);
    }

    @GetMapping("/terminals/{phone}/last")
    @PreAuthorize("hasAnyRole('ADMIN','MUCK_SUPERVISOR','LEADER','DISPATCHER','SHIFT_LEADER')")
    Position last(Principal caller, @PathVariable String phone) {
        String terminal = visible(caller, phone);
        Position p = gateway.latest(terminal);
        if (p == null) {
            throw new NotFoundException("该终端没有位置 no position of terminal " + terminal);
        }
        return p;
    }

    @GetMapping("/terminals/{phone}/positions")
    @PreAuthorize("hasAnyRole('ADMIN','MUCK_SUPERVISOR','LEADER','DISPATCHER','SHIFT_LEADER')")
    List<Position> positions(
            Principal caller,
            @PathVariable String phone,
            @RequestParam Instant from,
            @RequestParam Instant to,
            @RequestParam(defaultValue = "10000") @Min(1) @Max(50000) int limit) {
        if (!to.isAfter(from)) {
            throw new InvalidInputException("'to' must be after 'from'", "to");
        }
        if (Duration.between(from, to).compareTo(Duration.ofDays(31)) > 0) {
            throw new InvalidInputException("at most 31 days at a time", "to");
        }
        return gateway.track(visible(caller, phone), from, to, limit);
    }

    record Released(String terminal, boolean released) {}

    /**
     * 解绑: a terminal that lost its auth code (or was swapped) may register once more. Audited (TERMINAL,
     * RELEASE); its open session, if any, is closed. 404 when it has no registration.
     */
    @PostMapping("/terminals/{phone}/release")
    @PreAuthorize("hasAnyRole('ADMIN','MUCK_SUPERVISOR')")
    Released release(Principal caller, @PathVariable String phone) {
        String terminal = visible(caller, phone);
        if (!gateway.release(terminal)) {
            throw new NotFoundException("终端尚未注册，无需解绑 terminal " + terminal + " has no registration to release");
        }
        return new Released(terminal, true);
    }

    /** A position forwarded by another platform (转发). Terminal: digits, leading zeros ignored. */
    record PositionInput(
            String terminal,
            Instant time,
            Double lat,
            Double lon,
            Double speedKmh,
            Integer direction,
            Long alarmBits,
            Long statusBits,
            Double mileageKm,
            Integer altitudeM) {}

    record IngestResult(int received, int stored, int duplicates) {}

    @PostMapping("/positions")
    @PreAuthorize("hasAnyRole('ADMIN','MUCK_SUPERVISOR') or hasAuthority('API_CLIENT_TELEMETRY_INGEST')")
    IngestResult ingest(@RequestBody List<PositionInput> input, Authentication caller) throws InterruptedException {
        if (input == null || input.isEmpty()) {
            throw new InvalidInputException("no positions", "positions");
        }
        if (input.size() > MAX_INGEST) {
            throw new InvalidInputException("at most " + MAX_INGEST + " positions per request", "positions");
        }
        Instant now = clock.instant();
        List<Position> positions = new ArrayList<>(input.size());
        for (int i = 0; i < input.size(); i++) {
            PositionInput in = input.get(i);
            if (in == null || in.lat() == null || in.lon() == null || in.time() == null) {
                throw new InvalidInputException("time, lat and lon are required", "positions[" + i + "]");
            }
            Position p = new Position(
                    in.terminal() == null ? null : Bcd.normaliseTerminal(in.terminal()),
                    in.time(),
                    in.lat(),
                    in.lon(),
                    in.speedKmh() == null ? 0 : in.speedKmh(),
                    in.direction() == null ? 0 : in.direction(),
                    in.alarmBits() == null ? 0 : in.alarmBits(),
                    in.statusBits() == null ? 0 : in.statusBits(),
                    in.mileageKm(),
                    in.altitudeM());
            String problem = PositionRules.problem(p, now, maxAge);
            if (problem != null) {
                throw new InvalidInputException("invalid " + problem, "positions[" + i + "]." + problem);
            }
            positions.add(p);
        }
        boolean machine = caller.getAuthorities().stream().anyMatch(a -> INGEST_KEY.equals(a.getAuthority()));
        Set<String> refused = new HashSet<>(access.refusedForIngest(
                caller, positions.stream().map(Position::terminal).toList(), !machine));
        if (machine && !refused.isEmpty()) {
            // a forwarding platform has no area scope: a terminal any registry knows may be fed, as the JT/T 808
            // gateway lets it register (muck trucks, sanitation vehicles and workers' devices, ...)
            directories
                    .orderedStream()
                    .forEach(d ->
                            refused.removeAll(d.findAll(Set.copyOf(refused)).keySet()));
        }
        for (int i = 0; i < positions.size(); i++) {
            if (refused.contains(positions.get(i).terminal())) {
                throw new AccessDeniedToEntityException(
                        "终端不在车辆登记中或不在您的数据范围内 terminal "
                                + positions.get(i).terminal() + " is not fitted to a registered vehicle in service"
                                + (machine ? "" : " within your data scope"),
                        "positions[" + i + "].terminal");
            }
        }
        if (gateway.overloaded()) {
            throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE, "track writer busy, retry later");
        }
        CompletableFuture<Integer> done = new CompletableFuture<>();
        try {
            gateway.submit(new Submission(
                    positions, durable -> done.complete(durable.get(0).stored()), 0, 0));
        } catch (IllegalStateException stopped) {
            throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE, "telemetry is stopping");
        }
        try {
            int stored = done.get(30, TimeUnit.SECONDS);
            return new IngestResult(positions.size(), stored, positions.size() - stored);
        } catch (TimeoutException | ExecutionException e) {
            throw new ResponseStatusException(
                    HttpStatus.SERVICE_UNAVAILABLE, "not stored in time; retry (replays are ignored)");
        }
    }

    static final String INGEST_KEY = "API_CLIENT_TELEMETRY_INGEST";

    /** Without a registry nothing is in anybody's scope. */
    static final TerminalAccess NO_REGISTRY = new TerminalAccess() {
        @Override
        public Reach reach(Principal caller, String terminal) {
            return Reach.NOT_REGISTERED;
        }

        @Override
        public boolean cityWide(Principal caller) {
            return false;
        }

        @Override
        public java.util.Set<String> refusedForIngest(
                Principal caller, java.util.Collection<String> terminals, boolean staff) {
            return new java.util.HashSet<>(terminals);
        }
    };

    /**
     * The terminal, if the caller may see it: fitted to a vehicle in their data scope (403 when outside it), or to
     * no vehicle and the caller city-wide (404 for anyone else, as for a terminal that does not exist).
     */
    private String visible(Principal caller, String phone) {
        String terminal = terminal(phone);
        switch (access.reach(caller, terminal)) {
            case IN_SCOPE -> {
                return terminal;
            }
            case OUT_OF_SCOPE ->
                throw new AccessDeniedToEntityException(
                        "该终端的车辆不在您的数据范围内 terminal " + terminal + " is outside your data scope", "phone");
            default -> {
                if (access.cityWide(caller)) {
                    return terminal;
                }
                throw new NotFoundException("终端不在车辆登记中 terminal " + terminal + " is not in the vehicle registry");
            }
        }
    }

    private static String terminal(String phone) {
        String t = Bcd.normaliseTerminal(phone);
        if (t == null || t.length() > 20 || "0".equals(t)) {
            throw new InvalidInputException("a terminal number is 1 to 20 digits", "phone");
        }
        return t;
    }
}
