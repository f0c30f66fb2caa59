package org.cityops.geo.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.cityops.audit.AuditTrail;
import org.cityops.geo.GridCode;
import org.cityops.org.OrgDirectory;
import org.cityops.org.StaffMember;
import org.cityops.platform.CityClock;
import org.locationtech.jts.geom.Geometry;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Imports a grid layer all-or-nothing: read → validate every feature → (replace: delete the stored layer) →
 * write the batch and every grid → audit, in one transaction; the locator's index is rebuilt after commit.
 * Any problem rejects the whole file with a report and writes nothing.
 */
@Service
public class GridImportService {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(GridImportService.class);

    private final GridRepository grids;
    private final GridLayerValidator validator;
    private final StrTreeGridLocator locator;
    private final AuditTrail audit;
    private final Clock clock;
    private final GridImportLimits limits;

    GridImportService(
            GridRepository grids,
            OrgDirectory org,
            StrTreeGridLocator locator,
            AuditTrail audit,
            Clock clock,
            GridImportLimits limits) {
        this.limits = limits;
        this.grids = grids;
        this.validator = new GridLayerValidator(org);
        this.locator = locator;
        this.audit = audit;
        this.clock = clock;
    }

    /** Reads GeoJSON bytes and imports them. */
    @Transactional
    public ImportReport importGeoJson(StaffMember by, byte[] geoJson, ImportMode mode, String source) {
        var tooLarge = limits.checkBytes(geoJson.length);
        if (tooLarge.isPresent()) {
            throw new GridImportRejectedException(ImportReport.rejected(mode, 0, List.of(tooLarge.get())));
        }
        return importLayer(by, new GeoJsonGridReader().read(geoJson), mode, source);
    }

    /**
     * @throws GridImportRejectedException with the report when the file or any feature breaks a rule
     */
    @Transactional
    public ImportReport importLayer(StaffMember by, ParsedLayer parsed, ImportMode mode, String source) {
        long start = System.nanoTime();
        List<FeatureProblem> problems = new ArrayList<>(parsed.problems());
        List<FeatureProblem> overLimits = limits.check(parsed);
        if (!overLimits.isEmpty()) {
            // nothing is validated beyond the limits: the report names the limit(s) exceeded
            throw new GridImportRejectedException(ImportReport.rejected(mode, parsed.featureCount(), overLimits));
        }
        if (!parsed.hasProblems() && parsed.features().isEmpty()) {
            problems.add(FeatureProblem.ofFile("features", "没有网格要素 the file has no features"));
        }
        List<GridLayerValidator.ExistingGrid> existing = mode == ImportMode.APPEND ? existingGrids() : List.of();
        problems.addAll(validator.validate(parsed.features(), existing));
        if (!problems.isEmpty()) {
            problems.sort(java.util.Comparator.comparingInt(FeatureProblem::index));
            throw new GridImportRejectedException(ImportReport.rejected(mode, parsed.featureCount(), problems));
        }
        long validated = System.nanoTime();
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, CityClock.ZONE);
        long before = grids.count();
        int removed = mode == ImportMode.REPLACE ? grids.deleteAll() : 0;
        long importId = grids.insertImport(
                mode.name(), truncate(source, 200), parsed.features().size(), removed, by.username(), now);
        List<GridRepository.NewGrid> rows = new ArrayList<>(parsed.features().size());
        for (GridFeature f : parsed.features()) {
            Geometry g = f.geometry();
            rows.add(new GridRepository.NewGrid(
                    new GridCode(f.code()),
                    GridGeometry.toWkt(g),
                    Math.round(GridGeometry.areaM2(g) * 100) / 100.0,
                    g.getEnvelopeInternal(),
                    f.validFrom() == null ? today : f.validFrom(),
                    f.remark()));
        }
        grids.insertAll(importId, rows);
        audit.record(
                "GRID_LAYER",
                String.valueOf(importId),
                "IMPORT_" + mode.name(),
                before + " grids",
                (before - removed + rows.size()) + " grids (" + mode.name().toLowerCase() + " " + rows.size() + " from "
                        + source + ")");
        rebuildAfterCommit();
        log.info(
                "Grid import {} ({}): {} grids validated in {} ms, written in {} ms",
                importId,
                mode,
                rows.size(),
                (validated - start) / 1_000_000,
                (System.nanoTime() - validated) / 1_000_000);
        return new ImportReport(true, mode.name(), parsed.featureCount(), rows.size(), removed, importId, List.of(), 0);
    }

    private List<GridLayerValidator.ExistingGrid> existingGrids() {
        List<GridLayerValidator.ExistingGrid> out = new ArrayList<>();
        for (StoredGrid g : grids.findAll()) {
            out.add(new GridLayerValidator.ExistingGrid(g.code(), GridGeometry.fromWkt(g.wkt())));
        }
        return out;
    }

    private void rebuildAfterCommit() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    locator.imported();
                }
            });
        } else {
            locator.imported();
        }
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
