package org.cityops.telemetry.sim;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The auth codes (鉴权码) simulated terminals were given, as a real terminal keeps its code: the platform hands a
 * code out once (a second 0x0100 is answered with result 3), so a terminal that registered before only
 * authenticates. Optionally kept in a properties file (terminal=code) between runs.
 */
public final class AuthCodeBook {

    private final Map<String, String> codes = new ConcurrentHashMap<>();
    private final Path file;

    /** In memory only. */
    public AuthCodeBook() {
        this(null);
    }

    /** Loaded from and saved to {@code file} (null: in memory only). */
    public AuthCodeBook(Path file) {
        this.file = file;
        if (file != null && Files.isRegularFile(file)) {
            Properties p = new Properties();
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(r);
            } catch (IOException e) {
                throw new IllegalStateException("cannot read " + file, e);
            }
            p.forEach((k, v) -> codes.put((String) k, (String) v));
        }
    }

    public String get(String terminal) {
        return codes.get(terminal);
    }

    public void put(String terminal, String code) {
        codes.put(terminal, code);
    }

    public void forget(String terminal) {
        codes.remove(terminal);
    }

    public void save() {
        if (file == null) {
            return;
        }
        Properties p = new Properties();
        p.putAll(codes);
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            p.store(w, "auth codes of simulated JT/T 808 terminals");
        } catch (IOException e) {
            throw new IllegalStateException("cannot write " + file, e);
        }
    }
}
