package org.cityops.cases.internal;

import java.util.Optional;
import org.cityops.org.Role;
import org.cityops.org.StaffMember;
import org.cityops.platform.AccessDeniedToEntityException;
import org.cityops.platform.InvalidInputException;

/**
 * 核实/核查派遣: who may be sent a case's waiting 核实 or 核查 task. The case must be waiting for one (checked
 * before, 409); the account must exist and be enabled (400), be an inspector (400), and see the case — the case
 * lies in its area (403, "inspector of another district"). No Spring, no SQL: the caller looks the account up.
 */
final class InspectorTasks {

    private InspectorTasks() {}

    /**
     * @param username what the caller asked for
     * @param account  the enabled account of that name, with its roles and data scope, if there is one
     */
    static void checkAssignee(Case c, String username, Optional<StaffMember> account) {
        if (username == null || username.isBlank()) {
            throw new InvalidInputException("请指定监督员 inspector is required", "inspector");
        }
        StaffMember target = account.orElseThrow(() -> new InvalidInputException(
                "账号“" + username.strip() + "”不存在或已停用 no enabled account '" + username.strip() + "'", "inspector"));
        if (!target.roles().contains(Role.INSPECTOR)) {
            throw new InvalidInputException(
                    "“" + target.username() + "”不是监督员 account '" + target.username() + "' is not an inspector",
                    "inspector");
        }
        if (!CaseScope.sees(target, c)) {
            throw new AccessDeniedToEntityException("监督员“" + target.username() + "”不负责本案卷所在区域 inspector '"
                    + target.username() + "' works in another district");
        }
    }
}
