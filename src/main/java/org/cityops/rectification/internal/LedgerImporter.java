package org.cityops.rectification.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.cityops.audit.AuditTrail;
import org.cityops.org.OrgDirectory;
import org.cityops.org.StaffMember;
import org.cityops.platform.CityClock;
import org.cityops.rectification.MeasureStatus;
import org.cityops.rectification.ProblemStatus;
import org.cityops.rectification.internal.LedgerDraft.CategoryDraft;
import org.cityops.rectification.internal.LedgerDraft.MeasureDraft;
import org.cityops.rectification.internal.LedgerDraft.ProblemDraft;
import org.cityops.rectification.internal.imports.JsonLedgerReader;
import org.cityops.rectification.internal.imports.XlsxLedgerReader;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads an inspection's feedback into the ledger (整改办 only): the file is read and checked whole by the readers
 * in {@code internal.imports} (nothing is stored when any row is wrong), then stored in one transaction with
 * departments matched to the org module's and the import recorded in the audit trail.
 */
@Service
public class LedgerImporter {

    private final LedgerWrites writes;
    private final OrgDirectory org;
    private final AuditTrail audit;
    private final Clock clock;

    LedgerImporter(LedgerWrites writes, OrgDirectory org, AuditTrail audit, Clock clock) {
        this.writes = writes;
        this.org = org;
        this.audit = audit;
        this.clock = clock;
    }

    public record ImportResult(
            long inspectionId,
            int categories,
            int problems,
            int measures,
            List<String> unmatchedDepartments,
            List<String> warnings) {}

    @Transactional
    public ImportResult importJson(StaffMember me, byte[] json) {
        LedgerAccess.requireEditor(me);
        return store(me, new JsonLedgerReader().read(json), List.of());
    }

    @Transactional
    public ImportResult importXlsx(StaffMember me, byte[] xlsx, String fileName) {
        LedgerAccess.requireEditor(me);
        XlsxLedgerReader.Result r = new XlsxLedgerReader().read(xlsx, fileName);
        return store(me, r.draft(), r.warnings());
    }

    /** Stores a checked draft (no role check: also used by start-up seeding, as {@link StaffMember#SYSTEM}). */
    @Transactional
    public ImportResult store(StaffMember me, LedgerDraft d, List<String> warnings) {
        String actor = me.username();
        Instant now = clock.instant();
        DepartmentMatcher matcher = new DepartmentMatcher(org.departments());
        List<String> unmatched = new ArrayList<>();
        long inspectionId = writes.insertInspection(d, actor, now);
        LocalDate today = LocalDate.now(clock.withZone(CityClock.ZONE));
        for (CategoryDraft c : d.categories()) {
            long categoryId = writes.insertCategory(inspectionId, c.seq(), c.title());
            for (ProblemDraft p : c.problems()) {
                ProblemStatus derived = ProblemStatusRule.derive(
                        p.measures().stream().map(MeasureDraft::status).toList());
                long problemId = writes.insertProblem(inspectionId, categoryId, p.number(), p.title(), derived);
                if (p.status() != null && p.status() != derived) {
                    writes.updateOverride(problemId, p.status(), "导入时给定 status given in the imported file", actor, now);
                }
                int seq = 1;
                for (MeasureDraft m : p.measures()) {
                    Long lead = matcher.idOf(m.leadDepartment(), unmatched);
                    long measureId = writes.insertMeasure(
                            inspectionId,
                            problemId,
                            seq++,
                            m,
                            lead,
                            m.leaderUsername(),
                            m.status() == MeasureStatus.COMPLETED ? today : null);
                    List<Long> coopIds = new ArrayList<>();
                    for (String name : m.cooperating()) {
                        coopIds.add(matcher.idOf(name, unmatched));
                    }
                    writes.replaceCooperating(measureId, m.cooperating(), coopIds);
                    if (m.progress() != null) {
                        writes.insertProgress(measureId, today, m.progress(), actor, now);
                    }
                }
            }
        }
        audit.record(
                LedgerService.ENTITY_INSPECTION,
                Long.toString(inspectionId),
                "IMPORT",
                null,
                d.name() + ": " + d.categories().size() + " categories, " + d.problemCount() + " problems, "
                        + d.measureCount() + " measures");
        return new ImportResult(
                inspectionId,
                d.categories().size(),
                d.problemCount(),
                d.measureCount(),
                unmatched.stream().distinct().toList(),
                warnings);
    }
}
