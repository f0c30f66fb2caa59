package org.cityops.telemetry.pipeline;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.cityops.telemetry.TerminalDirectory;
import org.cityops.telemetry.TerminalDirectory.KnownTerminal;
import org.cityops.telemetry.jt808.Jt808;
import org.cityops.telemetry.jt808.RegisterRequest;
import org.cityops.telemetry.jt808.Registrar;

/**
 * Registration policy (JT/T 808 0x0100 → 0x8100). An auth code is handed out once, to the first registration of
 * a terminal the {@link TerminalDirectory} knows with the plate it is registered with; it is never sent again:
 * <ul>
 * <li>4 (终端不在数据库): the directory does not know the terminal (without a directory nobody is known, unless
 * {@code allowUnknown}, for the demo and the load benchmark);</li>
 * <li>2 (车辆不在数据库): the plate is blank (plate colour 0 sends a VIN, which the registry does not hold) or is
 * not the plate (and colour) of the vehicle the terminal is fitted to;</li>
 * <li>1 (车辆已被注册): the plate sent is that of a vehicle fitted with another terminal;</li>
 * <li>3 (终端已被注册): the terminal already has a code. A terminal that lost it is released by a supervisor
 * ({@link #release}, 解绑) and may then register once.</li>
 * </ul>
 * Authentication checks the code and that the terminal is still known. Requests come in batches (every one
 * waiting at the gateway): one directory query and one transaction for all of them.
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
    public List<Registration> register(List<Attempt> attempts) {
        TerminalDirectory d = directory.get();
        Map<String, KnownTerminal> known = d == null
                ? Map.of()
                : d.findAll(attempts.stream().map(Attempt::terminal).collect(Collectors.toSet()));
        Registration[] out = new Registration[attempts.size()];
        List<AuthCodeStore.NewCode> fresh = new ArrayList<>();
        Map<String, Integer> freshAt = new HashMap<>();
        for (int i = 0; i < attempts.size(); i++) {
            Attempt a = attempts.get(i);
            Optional<KnownTerminal> k = Optional.ofNullable(known.get(a.terminal()));
            Integer refusal = refusal(d, a.terminal(), a.request(), k);
            if (refusal == null && (freshAt.containsKey(a.terminal()) || codes.knownRegistered(a.terminal()))) {
                refusal = Jt808.TERMINAL_ALREADY_REGISTERED;
            }
            if (refusal != null) {
                out[i] = refused(refusal);
                continue;
            }
            freshAt.put(a.terminal(), i);
            fresh.add(new AuthCodeStore.NewCode(
                    a.terminal(),
                    newCode(),
                    k.map(KnownTerminal::plate).orElse(a.request().plate())));
        }
        Set<String> stored = fresh.isEmpty() ? Set.of() : codes.saveAll(fresh);
        for (AuthCodeStore.NewCode c : fresh) {
            // not stored: another connection or node registered it a moment ago
            out[freshAt.get(c.terminal())] = stored.contains(c.terminal())
                    ? new Registration(Jt808.REGISTERED, c.authCode())
                    : refused(Jt808.TERMINAL_ALREADY_REGISTERED);
        }
        return Arrays.asList(out);
    }

    /** The 0x8100 result refusing this request, or null when the terminal may get a code. */
    private Integer refusal(
            TerminalDirectory d, String terminal, RegisterRequest request, Optional<KnownTerminal> known) {
        if (known.isEmpty() && !allowUnknown) {
            return Jt808.TERMINAL_NOT_IN_DB;
        }
        String plate = plateKey(request.plate());
        if (plate.isEmpty() || request.plateColor() == 0) {
            return Jt808.VEHICLE_NOT_IN_DB;
        }
        if (known.isEmpty() || !sameVehicle(known.get(), plate, request.plateColor())) {
            Optional<KnownTerminal> fitted =
                    d == null ? Optional.empty() : d.findByPlate(request.plate(), request.plateColor());
            if (fitted.isPresent() && !fitted.get().terminal().equals(terminal)) {
                return Jt808.VEHICLE_ALREADY_REGISTERED;
            }
            if (known.isPresent()) {
                return Jt808.VEHICLE_NOT_IN_DB;
            }
        }
        return null;
    }

    @Override
    public List<Boolean> authenticate(List<Credentials> credentials) {
        Boolean[] out = new Boolean[credentials.size()];
        Set<String> codeOk = new HashSet<>();
        for (int i = 0; i < credentials.size(); i++) {
            Credentials c = credentials.get(i);
            Optional<String> code = codes.find(c.terminal());
            out[i] = code.isPresent()
                    && c.authCode() != null
                    && code.get().equals(c.authCode().trim());
            if (out[i]) {
                codeOk.add(c.terminal());
            }
        }
        if (!allowUnknown && !codeOk.isEmpty()) {
            TerminalDirectory d = directory.get();
            Map<String, KnownTerminal> known = d == null ? Map.of() : d.findAll(codeOk);
            for (int i = 0; i < out.length; i++) {
                out[i] = out[i] && known.containsKey(credentials.get(i).terminal()); // still in the registry
            }
        }
        return Arrays.asList(out);
    }

    /** 解绑: forgets the terminal's code so that it may register once more; false when it had none. */
    public boolean release(String terminal) {
        return codes.remove(terminal);
    }

    private static Registration refused(int result) {
        return new Registration(result, null);
    }

    private static boolean sameVehicle(KnownTerminal known, String plate, int color) {
        String registered = plateKey(known.plate());
        if (registered.isEmpty()) {
            return true; // the directory binds no plate to this terminal
        }
        return registered.equals(plate) && (known.plateColor() == 0 || known.plateColor() == color);
    }

    /** A plate without white space, dots or dashes, upper case: 苏D·M3601, 苏D M3601 and 苏dm3601 are one plate. */
    public static String plateKey(String plate) {
        if (plate == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(plate.length());
        for (int i = 0; i < plate.length(); i++) {
            char c = plate.charAt(i);
            if (!Character.isWhitespace(c) && c != '·' && c != '.' && c != '-' && c != 0) {
                b.append(c);
            }
        }
        return b.toString().toUpperCase(Locale.ROOT);
    }

    private String newCode() {
        char[] c = new char[16];
        for (int i = 0; i < c.length; i++) {
            c[i] = ALPHABET[random.nextInt(ALPHABET.length)];
        }
        return new String(c);
    }
}
