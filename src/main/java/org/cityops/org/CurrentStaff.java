package org.cityops.org;

import java.util.Optional;

/** The staff member behind the current request (form session or bearer token). */
public interface CurrentStaff {

    /** @throws org.cityops.platform.AccessDeniedToEntityException when nobody is signed in */
    StaffMember require();

    Optional<StaffMember> find();
}
