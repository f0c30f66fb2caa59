package org.cityops.catalog.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cityops.catalog.ProcessStage;
import org.cityops.catalog.TimeLimit;
import org.cityops.catalog.Urgency;

/**
 * The whole catalogue in memory, immutable: categories, limits and routing rules, with the lookup rules
 * (resolve a code, fall back to default limits, pick the most specific routing rule). No storage in here.
 */
public final class CatalogSnapshot {

    private final Map<Long, Category> byId = new HashMap<>();
    private final Map<String, Category> byQualifiedCode = new HashMap<>();
    private final Map<String, List<Category>> activeByPlainCode = new HashMap<>();
    private final List<Category> active = new ArrayList<>();
    private final Map<LimitKey, TimeLimit> defaults;
    private final Map<Long, Map<LimitKey, TimeLimit>> overrides;
    private final List<RoutingRule> rules;

    public CatalogSnapshot(
            List<Category> categories,
            Map<LimitKey, TimeLimit> defaults,
            Map<Long, Map<LimitKey, TimeLimit>> overrides,
            List<RoutingRule> rules) {
        for (Category c : categories) {
            byId.put(c.id(), c);
            byQualifiedCode.put(c.qualifiedCode(), c);
            if (c.active()) {
                active.add(c);
                activeByPlainCode
                        .computeIfAbsent(c.code(), k -> new ArrayList<>())
                        .add(c);
            }
        }
        active.sort(Comparator.comparing(Category::standard)
                .thenComparing(Category::kind)
                .thenComparing(Category::code));
        this.defaults = Map.copyOf(defaults);
        this.overrides = Map.copyOf(overrides);
        List<RoutingRule> sorted = new ArrayList<>(rules);
        sorted.sort(Comparator.comparingInt(RoutingRule::specificity).reversed().thenComparingLong(RoutingRule::id));
        this.rules = List.copyOf(sorted);
    }

    /**
     * A qualified code (any case, with the {@code 47678:} alias) finds that category, active or not; a plain
     * code finds the one active category that has it, and nothing when several do.
     */
    public Optional<Category> resolve(String input) {
        if (input == null || input.isBlank()) {
            return Optional.empty();
        }
        Optional<CategoryCodes.Key> key = CategoryCodes.parseQualified(input);
        if (key.isPresent()) {
            CategoryCodes.Key k = key.get();
            return Optional.ofNullable(byQualifiedCode.get(CategoryCodes.qualified(k.standard(), k.kind(), k.code())));
        }
        List<Category> candidates =
                activeByPlainCode.getOrDefault(input.trim().toUpperCase(java.util.Locale.ROOT), List.of());
        return candidates.size() == 1 ? Optional.of(candidates.get(0)) : Optional.empty();
    }

    public Optional<Category> byId(long id) {
        return Optional.ofNullable(byId.get(id));
    }

    public Optional<Category> byQualifiedCode(String qualifiedCode) {
        return Optional.ofNullable(byQualifiedCode.get(qualifiedCode));
    }

    public List<Category> all() {
        return List.copyOf(byId.values());
    }

    public List<Category> active() {
        return active;
    }

    public TimeLimit defaultLimit(ProcessStage stage, Urgency urgency) {
        TimeLimit limit = defaults.get(new LimitKey(stage, urgency));
        return limit != null ? limit : BuiltInLimits.of(stage, urgency);
    }

    /** The category's own limit, if it has one. */
    public Optional<TimeLimit> ownLimit(long categoryId, ProcessStage stage, Urgency urgency) {
        return Optional.ofNullable(overrides.getOrDefault(categoryId, Map.of()).get(new LimitKey(stage, urgency)));
    }

    public TimeLimit limit(long categoryId, ProcessStage stage, Urgency urgency) {
        return ownLimit(categoryId, stage, urgency).orElseGet(() -> defaultLimit(stage, urgency));
    }

    public Map<LimitKey, TimeLimit> ownLimits(long categoryId) {
        return overrides.getOrDefault(categoryId, Map.of());
    }

    public List<RoutingRule> rules() {
        return rules;
    }

    /** The most specific rule for a category at a place: one category over its major over '*', then the longest area. */
    public Optional<RoutingRule> route(Category category, String areaCode) {
        for (RoutingRule r : rules) {
            if (r.matches(category, areaCode)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
