package org.cityops.rectification.internal;

import java.util.Comparator;
import java.util.Optional;
import org.cityops.org.CurrentStaff;
import org.cityops.org.StaffMember;
import org.cityops.rectification.RectificationProgress;
import org.springframework.stereotype.Component;

/** {@link RectificationProgress} from the ledger's own summary (the dashboard's numbers). */
@Component
class LedgerProgress implements RectificationProgress {

    private final LedgerReads reads;
    private final CurrentStaff staff;

    /**
     * The caller of this module API is another module's page (the wallboard), so the actor is the signed-in one
     * (issue 13.4, remaining: {@link RectificationProgress#latest} to take the actor from its caller).
     */
    LedgerProgress(LedgerReads reads, CurrentStaff staff) {
        this.reads = reads;
        this.staff = staff;
    }

    @Override
    public Optional<Overview> latest() {
        StaffMember me = staff.require();
        return reads.inspections(me).stream()
                .max(Comparator.comparingLong(LedgerRows.InspectionRow::id))
                .map(i -> {
                    LedgerReads.Summary s = reads.summary(me, i.id());
                    return new Overview(i.id(), i.name(), s.problemsByStatus(), s.overdue());
                });
    }
}
