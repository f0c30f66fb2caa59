package org.cityops.org;

/**
 * The one data-scope rule (数据权限) of every module: what a {@link StaffMember} may see of a {@link RecordKind},
 * from the five {@link DataScope} levels, the actor's org unit (行政区划 code) and department.
 *
 * <ul>
 *   <li>全市 (CITY): every record; a record kind placed by department only: the actor's own department.
 *   <li>本区 / 本街道 (DISTRICT / STREET): records whose area code starts with the actor's district (6 digits) or
 *       street (9 digits) code; nothing without a unit; a record kind placed by department only: own department.
 *   <li>本部门 (DEPARTMENT): records of the actor's department; nothing without a department; a record kind placed by
 *       area only: records in the actor's own unit's area.
 *   <li>本人 (SELF): records the actor owns; a kind without an owner: its department, or for a kind placed by area
 *       only, the actor's own unit's area.
 * </ul>
 *
 * A level that cannot place a kind of record falls back to the actor's own placement on a dimension the record
 * has. Grants by role (整改办 and leaders see the whole ledger) stay with the module that owns the records, before
 * it asks this rule. No Spring, no SQL types: the modules' stores turn a {@link ScopeFilter} into their condition.
 */
public final class ScopeRule {

    private static final ScopeFilter ALL = new ScopeFilter.All();
    private static final ScopeFilter NONE = new ScopeFilter.None();

    private ScopeRule() {}

    /** What {@code actor} may see of records of {@code kind}. */
    public static ScopeFilter filter(StaffMember actor, RecordKind kind) {
        if (actor.isSystem()) {
            return ALL;
        }
        return switch (actor.scope()) {
            case CITY -> kind == RecordKind.DEPARTMENT ? ownDepartment(actor) : ALL;
            case DISTRICT, STREET -> kind == RecordKind.DEPARTMENT ? ownDepartment(actor) : area(actor.areaPrefix());
            case DEPARTMENT -> kind == RecordKind.AREA ? ownUnit(actor) : ownDepartment(actor);
            case SELF ->
                switch (kind) {
                    case AREA_DEPARTMENT_OWNER -> new ScopeFilter.Owner(actor.username());
                    case AREA -> ownUnit(actor);
                    case DEPARTMENT -> ownDepartment(actor);
                };
        };
    }

    /** Whether {@code actor} may see one record of {@code kind} placed at (area, department, owner). */
    public static boolean sees(
            StaffMember actor, RecordKind kind, String areaCode, Long departmentId, String ownerUsername) {
        return filter(actor, kind).matches(areaCode, departmentId, ownerUsername);
    }

    private static ScopeFilter area(String prefix) {
        if (prefix == null) {
            return NONE;
        }
        return prefix.isEmpty() ? ALL : new ScopeFilter.Area(prefix);
    }

    private static ScopeFilter ownDepartment(StaffMember actor) {
        return actor.departmentId() == null ? NONE : new ScopeFilter.Department(actor.departmentId());
    }

    private static ScopeFilter ownUnit(StaffMember actor) {
        return area(actor.orgUnitCode());
    }
}
