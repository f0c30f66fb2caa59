package org.cityops.rectification.internal;

import java.util.Comparator;
import java.util.Optional;
import org.cityops.org.StaffMember;
import org.cityops.rectification.RectificationProgress;
import org.springframework.stereotype.Component;

/** {@link RectificationProgress} from the ledger's own summary (the dashboard's numbers). */
@Component
class LedgerProgress implements RectificationProgress {

    private final LedgerReads reads;

    LedgerProgress(LedgerReads reads) {
        this.reads = reads;
    }

    @Override
    public Optional<Overview> latest(StaffMember me) {
        return reads.inspections(me).stream()
                .max(Comparator.comparingLong(LedgerRows.InspectionRow::id))
                .map(i -> {
                    LedgerReads.Summary s = reads.summary(me, i.id());
                    return new Overview(i.id(), i.name(), s.problemsByStatus(), s.overdue());
                });
    }
}
