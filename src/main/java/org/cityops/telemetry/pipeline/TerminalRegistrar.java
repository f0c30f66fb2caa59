package org.cityops.telemetry.pipeline;

import java.security.SecureRandom;
import java.util.Optional;
import java.util.function.Supplier;

import org.cityops.telemetry.TerminalDirectory;
import org.cityops.telemetry.TerminalDirectory.KnownTerminal;
import org.cityops.telemetry.jt808.Jt808;
import org.cityops.telemetry.jt808.RegisterRequest;
import org.cityops.telemetry.jt808.Registrar;

/**
 * Registration policy: only terminals the {@link TerminalDirectory} knows get an auth code (0x8100 result 0);
 * an unknown terminal gets 4 (terminal not in DB), a known terminal registering with another plate gets 2
 * (vehicle not in DB). Without a directory every terminal is unknown, unless {@code allowUnknown} (demo).
 * A terminal that registers again gets its existing code back. Authentication checks the code and that the
 * terminal is still known.
 */
public final class TerminalRegistrar implements Registrar {

    private static final char[] ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789".toCharArray();

    private final Supplier<TerminalDirectory> directory;
    private final AuthCodeStore codes;
    private final boolean allowUnknown;
    private final SecureRandom random = new SecureRandom();

    /** @param directory gives null when no directory exists */
    public TerminalRegistrar(Supplier<TerminalDirectory> directory, AuthCodeStore codes, boolean allowUnknown) {
        this.directory = directory;
        this.codes = codes;
        this.allowUnknown = allowUnknown;
    }

    @Override
    public Registration register(String terminal, RegisterRequest request) {
        Optional<KnownTerminal> known = lookup(terminal);
        if (known.isEmpty() && !allowUnknown) {
            return new Registration(Jt808.TERMINAL_NOT_IN_DB, null);
        }
        if (known.isPresent() && !samePlate(known.get().plate(), request.plate())) {
            return new Registration(Jt808.VEHICLE_NOT_IN_DB, null);
        }
        Optional<String> existing = codes.find(terminal);
        if (existing.isPresent()) {
            return new Registration(Jt808.REGISTERED, existing.get());
        }
        String code = newCode();
        codes.save(terminal, code, known.map(KnownTerminal::plate).orElse(request.plate()));
        return new Registration(Jt808.REGISTERED, code);
    }

    @Override
    public boolean authenticate(String terminal, String authCode) {
        Optional<String> code = codes.find(terminal);
        if (code.isEmpty() || authCode == null || !code.get().equals(authCode.trim())) {
            return false;
        }
        return allowUnknown || lookup(terminal).isPresent();
    }

    private Optional<KnownTerminal> lookup(String terminal) {
        TerminalDirectory d = directory.get();
        return d == null ? Optional.empty() : d.find(terminal);
    }

    private static boolean samePlate(String registered, String sent) {
        if (registered == null || registered.isBlank() || sent == null || sent.isBlank()) {
            return true; // nothing to compare (plate colour 0 sends a VIN, some terminals send nothing)
        }
        return registered.replace(" ", "").equalsIgnoreCase(sent.replace(" ", ""));
    }

    private String newCode() {
        char[] c = new char[16];
        for (int i = 0; i < c.length; i++) {
            c[i] = ALPHABET[random.nextInt(ALPHABET.length)];
        }
        return new String(c);
    }
}
