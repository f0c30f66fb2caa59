package org.cityops.rectification.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.cityops.org.StaffMember;
import org.cityops.rectification.MeasureStatus;
import org.cityops.rectification.internal.LedgerImporter.ImportResult;
import org.springframework.stereotype.Component;

/**
 * The writes that start-up seeding (the demo profile's ledger) makes while nobody is signed in: no role checks
 * and no audit entries beyond the import's. Not for anything a user triggers.
 */
@Component
public class LedgerSeeding {

    private final LedgerRepository repo;
    private final LedgerWrites writes;
    private final LedgerImporter importer;
    private final Clock clock;

    LedgerSeeding(LedgerRepository repo, LedgerWrites writes, LedgerImporter importer, Clock clock) {
        this.repo = repo;
        this.writes = writes;
        this.importer = importer;
        this.clock = clock;
    }

    public boolean hasInspection(String name) {
        return repo.inspectionByName(name).isPresent();
    }

    public ImportResult store(LedgerDraft draft) {
        return importer.store(StaffMember.SYSTEM, draft, List.of());
    }

    /** Gives every status override of the inspection's problems this justification, set by "system". */
    public void justifyOverrides(long inspectionId, String justification) {
        for (var p : repo.problems(inspectionId)) {
            if (p.overrideStatus() != null) {
                writes.updateOverride(p.id(), p.overrideStatus(), justification, "system", clock.instant());
            }
        }
    }

    /** Dates every completed measure that has a deadline as completed on that deadline. */
    public void completeOnDeadline(long inspectionId, LocalDate today) {
        for (var m : repo.measures(MeasureQuery.all(inspectionId, null, today))) {
            if (m.status() == MeasureStatus.COMPLETED && m.deadline() != null) {
                writes.updateMeasureStatus(m.id(), MeasureStatus.COMPLETED, m.deadline());
            }
        }
    }

    /** Records a 建章立制 (RULE) or 调研报告 (RESEARCH_REPORT) of the inspection. */
    public void addAchievement(long inspectionId, String kind, String title) {
        writes.insertAchievement(inspectionId, null, kind, title, null, clock.instant());
    }
}
