package org.cityops.muck.registry;

import org.cityops.org.CurrentStaff;
import org.cityops.org.RecordKind;
import org.cityops.org.ScopeFilter;
import org.cityops.org.ScopeRule;
import org.cityops.platform.AccessDeniedToEntityException;
import org.springframework.stereotype.Component;

/**
 * Data scope (数据权限) of the construction-waste records: by district code prefix, as {@link ScopeRule} decides for
 * {@link RecordKind#AREA}. City-wide users ("" prefix) see everything, including records without a district; a
 * district or street user sees records whose district code lies in their area; a department-scoped user the area of
 * their own unit. Still reads the signed-in actor itself (issue 13.4, remaining: pass the actor from the web edge).
 */
@Component
public class MuckScope {

    /** A prefix no code starts with. */
    static final String NOTHING = "~";

    private final CurrentStaff staff;

    MuckScope(CurrentStaff staff) {
        this.staff = staff;
    }

    /**
     * "" for the whole city, else the area prefix: the one data-scope rule ({@link ScopeRule}) for records placed by
     * area only ({@link RecordKind#AREA}).
     */
    public String prefix() {
        ScopeFilter f = ScopeRule.filter(staff.require(), RecordKind.AREA);
        if (f instanceof ScopeFilter.All) {
            return "";
        }
        return f instanceof ScopeFilter.Area a ? a.prefix() : NOTHING;
    }

    /** For SQL: {@code (:scope = '' OR district_code LIKE :scopeLike)}. */
    public String like() {
        return prefix() + "%";
    }

    public boolean covers(String districtCode) {
        String p = prefix();
        return p.isEmpty() || (districtCode != null && districtCode.startsWith(p));
    }

    public void check(String districtCode, String what) {
        if (!covers(districtCode)) {
            throw new AccessDeniedToEntityException("不在您的数据范围内 outside your data scope: " + what);
        }
    }
}
