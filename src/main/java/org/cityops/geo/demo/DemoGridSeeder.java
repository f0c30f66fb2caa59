package org.cityops.geo.demo;

import java.util.List;
import org.cityops.geo.internal.GridFeature;
import org.cityops.geo.internal.GridImportRejectedException;
import org.cityops.geo.internal.GridImportService;
import org.cityops.geo.internal.GridRepository;
import org.cityops.geo.internal.ImportMode;
import org.cityops.geo.internal.ImportReport;
import org.cityops.geo.internal.ParsedLayer;
import org.cityops.org.OrgDirectory;
import org.cityops.org.StaffMember;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo profile: imports the SYNTHETIC grid layer (≈ 10,000 cells of ≈ 100 m × 100 m) through the normal import
 * path (same validation, one transaction, audited). Idempotent: does nothing when grids exist.
 */
@Component
@Profile("demo")
@Order(20)
class DemoGridSeeder implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoGridSeeder.class);

    private final GridRepository grids;
    private final GridImportService imports;
    private final OrgDirectory org;

    DemoGridSeeder(GridRepository grids, GridImportService imports, OrgDirectory org) {
        this.grids = grids;
        this.imports = imports;
        this.org = org;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (grids.count() > 0) {
            return;
        }
        long start = System.nanoTime();
        List<GridFeature> features = DemoGridLayout.generate(org);
        try {
            ImportReport report = imports.importLayer(
                    StaffMember.SYSTEM,
                    new ParsedLayer(features.size(), features, List.of()),
                    ImportMode.REPLACE,
                    "demo (synthetic)");
            log.info(
                    "Demo grid layer (SYNTHETIC) imported: {} grids in {} ms",
                    report.imported(),
                    (System.nanoTime() - start) / 1_000_000);
        } catch (GridImportRejectedException e) {
            log.warn("Demo grid layer not imported: {}", e.getMessage());
        }
    }
}
