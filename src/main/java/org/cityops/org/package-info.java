/**
 * 行政区划 tree (市→区→街道→社区), departments, staff accounts, roles and data scope (数据权限), and the
 * platform's security (form login, bearer tokens, throttling). API: {@link org.cityops.org.OrgDirectory},
 * {@link org.cityops.org.DataScope}, {@link org.cityops.org.Role}, the one actor
 * type {@link org.cityops.org.StaffMember} (resolved at the web edge with {@link org.cityops.org.CurrentActor}) and
 * the one data-scope rule {@link org.cityops.org.ScopeRule}.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "org",
        allowedDependencies = {"platform", "audit"})
package org.cityops.org;
