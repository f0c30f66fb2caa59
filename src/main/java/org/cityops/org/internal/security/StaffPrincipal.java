package org.cityops.org.internal.security;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.cityops.org.StaffMember;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The authenticated principal for both form sessions and bearer tokens. {@code credentialsChangedAt} is the
 * account's credential time when it was loaded (null: never changed); a session keeps the one it signed in
 * under, a token carries it as {@link #credentialStamp()}.
 */
record StaffPrincipal(
        StaffMember staff, String passwordHash, boolean enabled, boolean nonLocked, Instant credentialsChangedAt)
        implements UserDetails {

    /** The credential time as epoch milliseconds, 0 for an account whose credentials never changed. */
    long credentialStamp() {
        return credentialsChangedAt == null ? 0 : credentialsChangedAt.toEpochMilli();
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return authorities(staff);
    }

    static List<SimpleGrantedAuthority> authorities(StaffMember staff) {
        return staff.roles().stream()
                .map(r -> new SimpleGrantedAuthority("ROLE_" + r.name()))
                .toList();
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return staff.username();
    }

    @Override
    public boolean isAccountNonLocked() {
        return nonLocked;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }
}
