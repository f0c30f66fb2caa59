package org.cityops.cases.internal;

import static org.cityops.cases.CaseStatus.*;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.cityops.cases.CaseAction;
import org.cityops.cases.CaseStatus;
import org.cityops.org.Role;

/**
 * The case state machine as one table: for each action, the statuses it may start from, the status it leads
 * to, and the roles that may take it. {@code to == null} means "decided by the action" (RESUME goes back to
 * where the case was; SUPERVISE keeps the status; VISIT may reopen). docs/cases.md prints this table.
 */
final class TransitionPolicy {

    /** One row of the table. */
    record Rule(CaseAction action, Set<CaseStatus> from, CaseStatus to, Set<Role> roles) {}

    private static final Set<CaseStatus> OPEN_STATES = EnumSet.of(
            PENDING_VERIFY,
            PENDING_FILE,
            FILED,
            DISPATCHED,
            ACCEPTED,
            EXTENSION_REQUESTED,
            SUSPEND_REQUESTED,
            SUSPENDED,
            HANDLED,
            CHECKED);

    private static final Map<CaseAction, Rule> RULES = new EnumMap<>(CaseAction.class);

    static {
        rule(CaseAction.VERIFY, EnumSet.of(PENDING_VERIFY), PENDING_FILE, Role.INSPECTOR);
        rule(CaseAction.FILE, EnumSet.of(PENDING_FILE), FILED, Role.SHIFT_LEADER);
        rule(CaseAction.REJECT, EnumSet.of(PENDING_VERIFY, PENDING_FILE), REJECTED, Role.SHIFT_LEADER);
        rule(CaseAction.MERGE, EnumSet.of(PENDING_VERIFY, PENDING_FILE), MERGED, Role.OPERATOR, Role.SHIFT_LEADER);
        rule(CaseAction.DISPATCH, EnumSet.of(FILED), DISPATCHED, Role.DISPATCHER);
        rule(CaseAction.ACCEPT, EnumSet.of(DISPATCHED), ACCEPTED, Role.HANDLER);
        rule(CaseAction.RETURN, EnumSet.of(DISPATCHED, ACCEPTED), FILED, Role.HANDLER);
        rule(CaseAction.REQUEST_EXTENSION, EnumSet.of(ACCEPTED), EXTENSION_REQUESTED, Role.HANDLER);
        rule(CaseAction.APPROVE_EXTENSION, EnumSet.of(EXTENSION_REQUESTED), ACCEPTED, Role.SHIFT_LEADER);
        rule(CaseAction.DENY_EXTENSION, EnumSet.of(EXTENSION_REQUESTED), ACCEPTED, Role.SHIFT_LEADER);
        rule(CaseAction.REPORT_HANDLED, EnumSet.of(ACCEPTED, EXTENSION_REQUESTED), HANDLED, Role.HANDLER);
        rule(CaseAction.CHECK_PASS, EnumSet.of(HANDLED), CHECKED, Role.INSPECTOR);
        rule(CaseAction.CHECK_FAIL, EnumSet.of(HANDLED), ACCEPTED, Role.INSPECTOR);
        rule(CaseAction.CLOSE, EnumSet.of(CHECKED), CLOSED, Role.SHIFT_LEADER);
        rule(CaseAction.VISIT, EnumSet.of(CLOSED), null, Role.OPERATOR);
        rule(CaseAction.REQUEST_SUSPEND, EnumSet.of(DISPATCHED, ACCEPTED), SUSPEND_REQUESTED, Role.HANDLER);
        rule(
                CaseAction.SUSPEND,
                EnumSet.of(DISPATCHED, ACCEPTED, EXTENSION_REQUESTED, SUSPEND_REQUESTED),
                SUSPENDED,
                Role.SHIFT_LEADER);
        rule(CaseAction.REFUSE_SUSPEND, EnumSet.of(SUSPEND_REQUESTED), null, Role.SHIFT_LEADER);
        rule(CaseAction.ASSIGN_INSPECTOR, EnumSet.of(PENDING_VERIFY, HANDLED), null, Role.SHIFT_LEADER, Role.OPERATOR);
        rule(CaseAction.RESUME, EnumSet.of(SUSPENDED), null, Role.SHIFT_LEADER);
        rule(CaseAction.SUPERVISE, OPEN_STATES, null, Role.LEADER);
    }

    private TransitionPolicy() {}

    private static void rule(CaseAction action, Set<CaseStatus> from, CaseStatus to, Role... roles) {
        RULES.put(action, new Rule(action, from, to, EnumSet.copyOf(Set.of(roles))));
    }

    static Rule rule(CaseAction action) {
        return RULES.get(action);
    }

    static Map<CaseAction, Rule> rules() {
        return Map.copyOf(RULES);
    }

    /** Actions a holder of {@code roles} may take on a case in {@code status} (ignoring department scope). */
    static Set<CaseAction> available(CaseStatus status, Set<Role> roles) {
        Set<CaseAction> out = EnumSet.noneOf(CaseAction.class);
        for (Rule r : RULES.values()) {
            if (r.from().contains(status) && r.roles().stream().anyMatch(roles::contains)) {
                out.add(r.action());
            }
        }
        return out;
    }

    /**
     * Actions that need a written reason or note. SUSPEND needs one when the shift leader suspends on its own
     * motion; approving a department's request (from SUSPEND_REQUESTED) keeps the request's reason.
     */
    static boolean needsNote(CaseAction action, CaseStatus from) {
        return switch (action) {
            case REJECT,
                    RETURN,
                    REQUEST_EXTENSION,
                    DENY_EXTENSION,
                    REPORT_HANDLED,
                    CHECK_FAIL,
                    SUPERVISE,
                    REQUEST_SUSPEND,
                    REFUSE_SUSPEND -> true;
            case SUSPEND -> from != SUSPEND_REQUESTED;
            default -> false;
        };
    }

    /** Statuses in which a 核实 or 核查 task waits for an inspector. */
    static boolean awaitsInspector(CaseStatus status) {
        return status == PENDING_VERIFY || status == HANDLED;
    }
}
