package org.cityops.platform.web;

import java.util.List;
import org.cityops.platform.NavItem;

/**
 * One place in the top bar: a section's drop-down menu, or a single link when the section holds one visible
 * entry (or the entry has no section).
 *
 * @param section  section name, empty for an entry without one
 * @param labelKey message key of the menu title
 * @param items    the entries the user may see, in order
 */
public record NavGroup(String section, String labelKey, List<NavItem> items) {

    /** Shown as a plain link rather than a menu. */
    public boolean single() {
        return items.size() == 1;
    }

    /** True when the page being shown is one of this group's entries. */
    public boolean contains(String currentPath) {
        return items.stream().anyMatch(i -> NavMenu.matches(i, currentPath));
    }
}
