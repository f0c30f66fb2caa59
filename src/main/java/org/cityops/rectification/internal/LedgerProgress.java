package org.cityops.rectification.internal;

import java.util.Comparator;
import java.util.Optional;
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
    public Optional<Overview> latest() {
        return reads.inspections().stream()
                .max(Comparator.comparingLong(LedgerRows.InspectionRow::id))
                .map(i -> {
                    LedgerReads.Summary s = reads.summary(i.id());
                    return new Overview(i.id(), i.name(), s.problemsByStatus(), s.overdue());
                });
    }
}
