package org.cityops.rectification.internal;

import java.util.List;
import java.util.Optional;
import org.cityops.org.DepartmentView;

/**
 * Maps a 牵头部门/配合部门 name as written in a ledger to one of the org module's departments: by code, by exact
 * name, or by the name without the leading 市/常州市 (环卫处 = 市环卫处). Names that match nothing (e.g. a
 * 处室 of the bureau such as 办公室) stay as text.
 */
final class DepartmentMatcher {

    private final List<DepartmentView> departments;

    DepartmentMatcher(List<DepartmentView> departments) {
        this.departments = departments;
    }

    Optional<DepartmentView> match(String name) {
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        String n = name.trim();
        for (DepartmentView d : departments) {
            if (d.code().equalsIgnoreCase(n) || d.name().equals(n)) {
                return Optional.of(d);
            }
        }
        String core = core(n);
        return departments.stream().filter(d -> core(d.name()).equals(core)).findFirst();
    }

    /** The matched department's id, or null (the name is then added to {@code unmatched}); null for no name. */
    Long idOf(String name, List<String> unmatched) {
        if (name == null) {
            return null;
        }
        Optional<DepartmentView> dept = match(name);
        if (dept.isEmpty()) {
            unmatched.add(name);
        }
        return dept.map(DepartmentView::id).orElse(null);
    }

    private static String core(String name) {
        String s = name.trim();
        if (s.startsWith("常州市")) {
            s = s.substring(3);
        } else if (s.startsWith("市")) {
            s = s.substring(1);
        }
        return s;
    }
}
