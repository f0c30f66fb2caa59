package org.cityops.rectification.internal;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cityops.rectification.IndicatorSource;
import org.cityops.rectification.IndicatorValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Every {@link IndicatorSource} bean of the application, by key. */
@Component
public class IndicatorRegistry {

    private static final Logger log = LoggerFactory.getLogger(IndicatorRegistry.class);
    private final Map<String, IndicatorSource> sources = new LinkedHashMap<>();

    IndicatorRegistry(List<IndicatorSource> beans) {
        beans.stream().sorted(Comparator.comparing(IndicatorSource::key)).forEach(s -> {
            if (sources.putIfAbsent(s.key(), s) != null) {
                throw new IllegalStateException("two indicator sources with the key " + s.key());
            }
        });
    }

    public List<IndicatorSource> all() {
        return List.copyOf(sources.values());
    }

    public Optional<IndicatorSource> find(String key) {
        return Optional.ofNullable(key == null ? null : sources.get(key));
    }

    /** The current value, or empty when the indicator is unknown or cannot be computed with these parameters. */
    public Optional<IndicatorValue> current(String key, String params) {
        IndicatorSource source = key == null ? null : sources.get(key);
        if (source == null) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(source.current(parse(params)));
        } catch (RuntimeException e) {
            log.debug("indicator {} with {} not available: {}", key, params, e.getMessage());
            return Optional.empty();
        }
    }

    /** {@code k=v;k=v} → map (order kept). */
    public static Map<String, String> parse(String params) {
        Map<String, String> out = new LinkedHashMap<>();
        if (params == null || params.isBlank()) {
            return out;
        }
        for (String pair : params.split(";")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                out.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
            }
        }
        return out;
    }
}
