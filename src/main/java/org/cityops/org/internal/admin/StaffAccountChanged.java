package org.cityops.org.internal.admin;

/**
 * An account's roles, scope, password or status changed: caches of signed-in principals must forget it. (Whether
 * its tokens and sessions are revoked is decided by the account's credential time, not by this event.)
 */
public record StaffAccountChanged(String username) {}
