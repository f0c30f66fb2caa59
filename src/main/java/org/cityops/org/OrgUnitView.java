package org.cityops.org;

/** An administrative unit as other modules see it. */
public record OrgUnitView(long id, String code, String name, OrgUnitKind kind, String parentCode) {}
