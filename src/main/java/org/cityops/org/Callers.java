package org.cityops.org;

import java.security.Principal;
import java.util.Optional;
import org.cityops.org.internal.security.StaffPrincipals;

/**
 * The actor behind a request's {@link Principal}, for a web edge in a module that cannot name {@link StaffMember}
 * (telemetry does not depend on org): its controller passes the caller's principal through an interface it declares
 * ({@code telemetry.TerminalAccess}), and the implementing module turns it into the actor here. Every other
 * controller takes {@code @CurrentActor StaffMember me} instead.
 */
public final class Callers {

    private Callers() {}

    /** The signed-in staff member {@code caller} stands for; empty for a machine client, an anonymous caller or null. */
    public static Optional<StaffMember> staff(Principal caller) {
        return StaffPrincipals.staff(caller);
    }
}
