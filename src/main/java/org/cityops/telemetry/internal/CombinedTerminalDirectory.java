package org.cityops.telemetry.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.cityops.telemetry.TerminalDirectory;

/**
 * Several registries may know terminals (muck trucks, sanitation vehicles): the gateway asks them in order and takes
 * the first that knows a terminal. With one registry this is that registry; with none, nothing is known.
 */
final class CombinedTerminalDirectory implements TerminalDirectory {

    private final List<TerminalDirectory> directories;

    private CombinedTerminalDirectory(List<TerminalDirectory> directories) {
        this.directories = List.copyOf(directories);
    }

    /** null when there is no registry at all (the gateway then applies its allow-unknown setting). */
    static TerminalDirectory of(List<TerminalDirectory> directories) {
        if (directories.isEmpty()) {
            return null;
        }
        return directories.size() == 1 ? directories.get(0) : new CombinedTerminalDirectory(directories);
    }

    @Override
    public Optional<KnownTerminal> find(String terminal) {
        for (TerminalDirectory d : directories) {
            Optional<KnownTerminal> k = d.find(terminal);
            if (k.isPresent()) {
                return k;
            }
        }
        return Optional.empty();
    }

    @Override
    public Map<String, KnownTerminal> findAll(Collection<String> terminals) {
        Map<String, KnownTerminal> known = new HashMap<>();
        Set<String> left = new HashSet<>(terminals);
        for (TerminalDirectory d : directories) {
            if (left.isEmpty()) {
                break;
            }
            Map<String, KnownTerminal> found = d.findAll(left);
            known.putAll(found);
            left.removeAll(found.keySet());
        }
        return known;
    }

    @Override
    public Optional<KnownTerminal> findByPlate(String plate, int plateColor) {
        for (TerminalDirectory d : directories) {
            Optional<KnownTerminal> k = d.findByPlate(plate, plateColor);
            if (k.isPresent()) {
                return k;
            }
        }
        return Optional.empty();
    }
}
