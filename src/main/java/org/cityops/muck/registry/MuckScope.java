package org.cityops.muck.registry;

import org.cityops.org.RecordKind;
import org.cityops.org.ScopeFilter;
import org.cityops.org.ScopeRule;
import org.cityops.org.StaffMember;
import org.cityops.platform.AccessDeniedToEntityException;
import org.springframework.jdbc.core.simple.JdbcClient.StatementSpec;

/**
 * Data scope (数据权限) of the construction-waste records for one actor: the one data-scope rule ({@link ScopeRule})
 * for records placed by area only ({@link RecordKind#AREA}), applied to their district code. City-wide users see
 * everything, including records without a district; a district or street user sees records whose district code
 * starts with their area; a department-scoped user the area of their own unit. Made from the actor the controller
 * passes in ({@link #of}); no Spring bean, nothing read from the security context.
 *
 * <p>Lists filter in SQL with {@code (:scope = '' OR <district column> LIKE :like)}, bound by {@link #bind}.
 */
public record MuckScope(ScopeFilter filter) {

    /** A prefix no code starts with. */
    static final String NOTHING = "~";

    /** What {@code actor} may see of the construction-waste records. */
    public static MuckScope of(StaffMember actor) {
        return new MuckScope(ScopeRule.filter(actor, RecordKind.AREA));
    }

    /** Whether the actor sees the whole city (also records without a district). */
    public boolean cityWide() {
        return filter instanceof ScopeFilter.All;
    }

    /** "" for the whole city, else the area prefix district codes must start with ({@link #NOTHING}: none). */
    public String prefix() {
        if (cityWide()) {
            return "";
        }
        return filter instanceof ScopeFilter.Area a ? a.prefix() : NOTHING;
    }

    /** For SQL: {@code (:scope = '' OR district_code LIKE :like)}. */
    public String like() {
        return prefix() + "%";
    }

    /** Binds {@code :scope} and {@code :like} of {@code (:scope = '' OR <district column> LIKE :like)}. */
    public StatementSpec bind(StatementSpec spec) {
        return spec.param("scope", prefix()).param("like", like());
    }

    public boolean covers(String districtCode) {
        return filter.matches(districtCode, null, null);
    }

    /** A 403 naming {@code what} when {@code districtCode} lies outside the actor's area. */
    public void check(String districtCode, String what) {
        if (!covers(districtCode)) {
            throw new AccessDeniedToEntityException("不在您的数据范围内 outside your data scope: " + what);
        }
    }
}
