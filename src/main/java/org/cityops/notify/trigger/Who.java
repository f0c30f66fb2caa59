package org.cityops.notify.trigger;

import java.util.List;

/**
 * Who the triggers tell, by the org module's roles (see docs/notify-triggers.md): account names, each list
 * without duplicates, empty when nobody holds the role there.
 */
interface Who {

    /** 处置人员 (HANDLER) of a department. */
    List<String> handlersOf(String departmentCode);

    /** The department's head: 领导 (LEADER) accounts belonging to the department. */
    List<String> headsOf(String departmentCode);

    /**
     * The district's heads: 领导 of the district's 区城管局, and 领导 whose data scope is that district.
     */
    List<String> districtHeadsOf(String districtCode);

    /** 渣土监管员 whose area covers the district (the district's own and the city-wide ones). */
    List<String> muckSupervisorsOf(String districtCode);

    /** Every 领导 (a measure without a 责任领导 account is escalated to all leaders, as the ledger does). */
    List<String> allLeaders();

    /** The department's code by its id, or null. */
    String departmentCode(Long departmentId);

    /** The name of a unit (district, street, community) by code, or the code. */
    String placeName(String areaCode);

    /** The Chinese name of a case category by code, or the code. */
    String categoryName(String categoryCode);

    /** A staff member's display name, or the account name. */
    String displayName(String username);
}
