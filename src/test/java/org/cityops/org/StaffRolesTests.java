package org.cityops.org;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StaffRolesTests {

    @Test
    void any_staff_names_every_role() {
        for (Role role : Role.values()) {
            assertThat(StaffRoles.ANY).as("role %s", role).contains("'" + role.name() + "'");
        }
    }
}
