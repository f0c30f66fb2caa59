package org.cityops.org;

/**
 * A department (责任单位) as other modules see it.
 *
 * @param orgUnitCode the administrative unit it belongs to (a district for a 区城管局), or null for city-wide
 */
public record DepartmentView(long id, String code, String name, DepartmentKind kind, String orgUnitCode) {}
