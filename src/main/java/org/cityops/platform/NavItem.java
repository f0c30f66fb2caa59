package org.cityops.platform;

import java.util.Set;

/**
 * One entry of the web shell's navigation. Each module declares its own entries as beans; the layout shows
 * an entry to a user holding any of {@code roles} (empty = every signed-in user).
 *
 * @param labelKey message key, e.g. {@code nav.org.units}
 * @param path     link target, e.g. {@code /admin/org}
 * @param order    position in the bar; lower first
 */
public record NavItem(String labelKey, String path, Set<String> roles, int order) {

    public boolean visibleTo(Set<String> userRoles) {
        return roles.isEmpty() || roles.stream().anyMatch(userRoles::contains);
    }
}
