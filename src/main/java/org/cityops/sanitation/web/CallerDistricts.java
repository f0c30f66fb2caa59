package org.cityops.sanitation.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cityops.org.OrgDirectory;
import org.cityops.org.OrgUnitKind;
import org.cityops.org.OrgUnitView;
import org.cityops.org.RecordKind;
import org.cityops.org.ScopeRule;
import org.cityops.org.StaffMember;
import org.springframework.stereotype.Component;

/** The districts in the caller's data scope (AREA): the choices of a vehicle's district and the registers' names. */
@Component
class CallerDistricts {

    private final OrgDirectory org;

    CallerDistricts(OrgDirectory org) {
        this.org = org;
    }

    List<OrgUnitView> of(StaffMember me) {
        var scope = ScopeRule.filter(me, RecordKind.AREA);
        return org.unitsOfKind(OrgUnitKind.DISTRICT).stream()
                .filter(d -> scope.matches(d.code(), null, null))
                .toList();
    }

    /** District code → name, in the directory's order. */
    Map<String, String> names(StaffMember me) {
        Map<String, String> out = new LinkedHashMap<>();
        for (OrgUnitView d : of(me)) {
            out.put(d.code(), d.name());
        }
        return out;
    }
}
