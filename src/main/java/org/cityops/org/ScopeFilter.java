package org.cityops.org;

import java.util.Map;

/**
 * What one actor may see of one kind of record, as {@link ScopeRule} decided it: everything, nothing, an area
 * (code prefix), a department, or an owner. The same filter answers in memory ({@link #matches}) and writes the
 * SQL condition ({@link #sql}), so a list and a single record never disagree.
 */
public sealed interface ScopeFilter {

    /** Whether a record placed at (area code, department id, owner username) passes; absent parts are null. */
    boolean matches(String areaCode, Long departmentId, String ownerUsername);

    /**
     * The SQL condition on {@code columns}, with its values put into {@code params} (names start with
     * {@code scope}). A filter on a dimension the columns lack matches nothing.
     */
    String sql(ScopeColumns columns, Map<String, Object> params);

    /** 全市: everything, also records not placed in any area. */
    record All() implements ScopeFilter {
        @Override
        public boolean matches(String areaCode, Long departmentId, String ownerUsername) {
            return true;
        }

        @Override
        public String sql(ScopeColumns columns, Map<String, Object> params) {
            return "1 = 1";
        }
    }

    /** Nothing (an area scope without a unit, 本部门 without a department). */
    record None() implements ScopeFilter {
        @Override
        public boolean matches(String areaCode, Long departmentId, String ownerUsername) {
            return false;
        }

        @Override
        public String sql(ScopeColumns columns, Map<String, Object> params) {
            return "1 = 0";
        }
    }

    /** Records whose area code starts with {@code prefix} (district 6, street 9, community 12, grid 15 digits). */
    record Area(String prefix) implements ScopeFilter {
        @Override
        public boolean matches(String areaCode, Long departmentId, String ownerUsername) {
            return areaCode != null && areaCode.startsWith(prefix);
        }

        @Override
        public String sql(ScopeColumns columns, Map<String, Object> params) {
            if (prefix.length() == 6 && columns.district() != null) {
                params.put("scopeArea", prefix);
                return columns.district() + " = :scopeArea";
            }
            if (prefix.length() == 9 && columns.street() != null) {
                params.put("scopeArea", prefix);
                return columns.street() + " = :scopeArea";
            }
            if (columns.area() == null) {
                return "1 = 0";
            }
            params.put("scopeArea", prefix + "%");
            return columns.area() + " LIKE :scopeArea";
        }
    }

    /** Records of one department (本部门). */
    record Department(long departmentId) implements ScopeFilter {
        @Override
        public boolean matches(String areaCode, Long departmentId, String ownerUsername) {
            return departmentId != null && departmentId == this.departmentId;
        }

        @Override
        public String sql(ScopeColumns columns, Map<String, Object> params) {
            if (columns.department() == null) {
                return "1 = 0";
            }
            params.put("scopeDept", departmentId);
            return columns.department() + " = :scopeDept";
        }
    }

    /** Records the actor owns (本人: created or reported). */
    record Owner(String username) implements ScopeFilter {
        @Override
        public boolean matches(String areaCode, Long departmentId, String ownerUsername) {
            return username.equals(ownerUsername);
        }

        @Override
        public String sql(ScopeColumns columns, Map<String, Object> params) {
            if (columns.owner() == null) {
                return "1 = 0";
            }
            params.put("scopeUser", username);
            return columns.owner() + " = :scopeUser";
        }
    }
}
