package org.cityops.org.internal.admin;

/** An account's roles, scope, password or status changed: caches of signed-in principals must forget it. */
public record StaffAccountChanged(String username) {
}
