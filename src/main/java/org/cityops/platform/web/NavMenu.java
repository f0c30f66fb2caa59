package org.cityops.platform.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cityops.platform.NavItem;
import org.springframework.stereotype.Component;

/** All modules' navigation entries; answers which entries, grouped into sections, a user sees. */
@Component
public class NavMenu {

    private static final Comparator<NavItem> BY_ORDER = Comparator.comparingInt(NavItem::order)
            .thenComparing(NavItem::section)
            .thenComparing(NavItem::path);

    private final List<NavItem> items;

    public NavMenu(List<NavItem> items) {
        this.items = items.stream().sorted(BY_ORDER).toList();
    }

    /** The entries a user holding {@code roles} sees, lowest order first; none for nobody signed in. */
    public List<NavItem> visibleTo(Set<String> roles) {
        if (roles.isEmpty()) {
            return List.of();
        }
        return items.stream().filter(i -> i.visibleTo(roles)).toList();
    }

    /**
     * The visible entries grouped by section, each group where its lowest entry sits (equal orders: by section
     * name). Entries without a section are groups of their own.
     */
    public List<NavGroup> groups(List<NavItem> visible) {
        Map<String, List<NavItem>> bySection = new LinkedHashMap<>();
        for (NavItem item : visible) {
            String key = item.section().isEmpty() ? "link:" + item.path() : item.section();
            bySection.computeIfAbsent(key, k -> new ArrayList<>()).add(item);
        }
        return bySection.values().stream()
                .map(list -> {
                    NavItem first = list.get(0);
                    String label = first.section().isEmpty() ? first.labelKey() : first.sectionLabelKey();
                    return new NavGroup(first.section(), label, List.copyOf(list));
                })
                .toList();
    }

    static boolean matches(NavItem item, String currentPath) {
        return currentPath != null && !"/".equals(item.path()) && currentPath.startsWith(item.path());
    }
}
