package org.cityops.platform;

import java.util.Set;

/**
 * One entry of the web shell's navigation. Each module declares its own entries as beans; the layout shows
 * an entry to a user holding any of {@code roles} (empty = every signed-in user). Entries of one
 * {@code section} are shown together as one drop-down menu of the top bar, labelled by the message
 * {@code nav.section.<section>} (a module's own section, e.g. {@code cases} or {@code sanitation}, or a shared one:
 * {@code stats}, {@code basedata}, {@code system}; the messages list them); an entry without a section is a plain
 * link.
 *
 * @param labelKey message key, e.g. {@code nav.org.units}
 * @param path     link target, e.g. {@code /admin/org}
 * @param order    position in the bar and inside its section; lower first. A section sits where its lowest
 *                 entry would.
 * @param section  menu the entry belongs to, e.g. {@code basedata}; empty = no menu
 */
public record NavItem(String labelKey, String path, Set<String> roles, int order, String section) {

    public NavItem {
        section = section == null ? "" : section;
    }

    /**
     * An entry whose section is the module named in its label key: {@code nav.muck.map} belongs to
     * {@code muck}; a two-part key such as {@code nav.me} to no section.
     */
    public NavItem(String labelKey, String path, Set<String> roles, int order) {
        this(labelKey, path, roles, order, sectionOf(labelKey));
    }

    public boolean visibleTo(Set<String> userRoles) {
        return roles.isEmpty() || roles.stream().anyMatch(userRoles::contains);
    }

    /** Message key of the section's menu title, e.g. {@code nav.section.muck}. */
    public String sectionLabelKey() {
        return "nav.section." + section;
    }

    private static String sectionOf(String labelKey) {
        String[] parts = labelKey.split("\\.");
        return parts.length >= 3 ? parts[1] : "";
    }
}
