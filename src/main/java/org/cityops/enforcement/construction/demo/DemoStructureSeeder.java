package org.cityops.enforcement.construction.demo;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import javax.imageio.ImageIO;
import org.cityops.enforcement.construction.FoundBy;
import org.cityops.enforcement.construction.IllegalStructures;
import org.cityops.enforcement.construction.NewStructure;
import org.cityops.enforcement.construction.NoticeKind;
import org.cityops.enforcement.construction.Outline;
import org.cityops.enforcement.construction.StructureKind;
import org.cityops.enforcement.construction.StructureStatus;
import org.cityops.enforcement.construction.StructureViews;
import org.cityops.enforcement.document.DocumentType;
import org.cityops.enforcement.document.DocumentView;
import org.cityops.enforcement.document.EnforcementDocuments;
import org.cityops.enforcement.file.CaseViews;
import org.cityops.enforcement.file.EnforcementCases;
import org.cityops.enforcement.procedure.Stage;
import org.cityops.org.OrgDirectory;
import org.cityops.org.StaffMember;
import org.cityops.platform.AdjustableClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo profile only: illegal structures in every status (one with an overdue demolition order and a 信用惩戒 notice,
 * one demolished with before/after photos) and the documents of a closed enforcement case, all through the services
 * users call, signed by the demo accounts (enforce1 drafts, legal1 and leader1 approve). Time is moved back with the
 * demo clock so that an order can be overdue.
 */
@Component
@Profile("demo")
@Order(78)
class DemoStructureSeeder implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoStructureSeeder.class);

    private final IllegalStructures structures;
    private final EnforcementDocuments documents;
    private final EnforcementCases cases;
    private final OrgDirectory org;
    private final AdjustableClock clock;

    DemoStructureSeeder(
            IllegalStructures structures,
            EnforcementDocuments documents,
            EnforcementCases cases,
            OrgDirectory org,
            AdjustableClock clock) {
        this.structures = structures;
        this.documents = documents;
        this.cases = cases;
        this.org = org;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        StaffMember officer = org.staff("enforce1").orElse(null);
        StaffMember legal = org.staff("legal1").orElse(null);
        StaffMember leader = org.staff("leader1").orElse(null);
        if (officer == null
                || legal == null
                || leader == null
                || !structures.list(StaffMember.SYSTEM, null, null, 1).isEmpty()) {
            return;
        }
        boolean wasStopped = clock.isStopped();
        Instant now = clock.instant();
        try {
            clock.stopAt(now.minus(Duration.ofDays(45)));
            LocalDate then = structures.today();
            StructureViews.Structure roof = register(
                    officer,
                    31.80715,
                    119.93837,
                    StructureKind.ROOF_ADDITION,
                    StructureStatus.BUILT,
                    FoundBy.HOTLINE,
                    "12319-WJ-DEMO-001",
                    "顾某某",
                    "天宁区青龙街道某小区12幢楼顶",
                    86.5,
                    then.minusDays(3));
            approve(structures.orderDemolition(roof.id(), then.plusDays(30), "限三十日内自行拆除", officer), legal, leader);
            StructureViews.Structure shed = register(
                    officer,
                    31.80715,
                    119.87053,
                    StructureKind.TEMPORARY_SHED,
                    StructureStatus.BUILT,
                    FoundBy.PATROL,
                    null,
                    "某餐饮店",
                    "钟楼区某路口东侧",
                    24,
                    then.minusDays(2));
            approve(structures.orderDemolition(shed.id(), then.plusDays(15), null, officer), legal, leader);
            clock.stopAt(now);
            LocalDate today = structures.today();
            structures.sendNotice(roof.id(), NoticeKind.CREDIT_PENALTY, null, officer);
            structures.addPhoto(shed.id(), "BEFORE", "image/png", png(new Color(0xB0, 0x6A, 0x3B)), officer);
            structures.addPhoto(shed.id(), "AFTER", "image/png", png(new Color(0x7C, 0xA9, 0x82)), officer);
            structures.recordOutcome(shed.id(), StructureStatus.DEMOLISHED, today.minusDays(1), officer);
            register(
                    officer,
                    31.77475,
                    119.91293,
                    StructureKind.YARD_ENCLOSURE,
                    StructureStatus.UNDER_CONSTRUCTION,
                    FoundBy.REPORT,
                    null,
                    "王某某",
                    "武进区湖塘镇某村23号院内",
                    41,
                    today.minusDays(2));
            StructureViews.Structure shop = register(
                    officer,
                    31.83955,
                    119.88749,
                    StructureKind.GROUND_FLOOR_EXTENSION,
                    StructureStatus.BUILT,
                    FoundBy.HOTLINE,
                    "12319-WJ-DEMO-002",
                    "某商贸有限公司",
                    "新北区河海街道某商铺前",
                    58,
                    today.minusDays(10));
            approve(structures.orderDemolition(shop.id(), today.plusDays(20), null, officer), legal, leader);
            approve(structures.sendNotice(shop.id(), NoticeKind.REAL_ESTATE_RESTRICTION, null, officer), legal, leader);
            StructureViews.Structure site = register(
                    officer,
                    31.80715,
                    120.00621,
                    StructureKind.NEW_BUILDING,
                    StructureStatus.BUILT,
                    FoundBy.SATELLITE,
                    null,
                    null,
                    "经开区戚墅堰某地块",
                    320,
                    today.minusDays(30));
            structures.addPhoto(site.id(), "BEFORE", "image/png", png(new Color(0x99, 0x99, 0x99)), officer);
            structures.addPhoto(site.id(), "AFTER", "image/png", png(new Color(0x66, 0xAA, 0x66)), officer);
            structures.recordOutcome(site.id(), StructureStatus.RECTIFIED, today, officer);
            register(
                    officer,
                    31.80625,
                    119.94049,
                    StructureKind.ROOF_SHED,
                    StructureStatus.BUILT,
                    FoundBy.HOTLINE,
                    "12319-WJ-DEMO-003",
                    "李某某",
                    "天宁区某巷7号楼顶",
                    18,
                    today.minusDays(1));
            caseDocuments(officer, legal, leader);
        } finally {
            if (wasStopped) {
                clock.stopAt(now);
            } else {
                clock.release();
            }
        }
        log.info("Demo 违建 register and 执法文书 created");
    }

    /** The documents of one closed case, so its 案卷 PDF has something in it. */
    private void caseDocuments(StaffMember officer, StaffMember legal, StaffMember leader) {
        CaseViews.Page closed = cases.list(StaffMember.SYSTEM, Stage.CLOSED, false, 0, 1);
        if (closed.rows().isEmpty()) {
            return;
        }
        long id = closed.rows().get(0).c().id();
        approve(documents.draftForCase(id, DocumentType.FILING_APPROVAL, null, officer), legal, leader);
        documents.draftForCase(id, DocumentType.SITE_INSPECTION, 1, officer);
        documents.draftForCase(id, DocumentType.INQUIRY, 1, officer);
        approve(documents.draftForCase(id, DocumentType.PRIOR_NOTICE, null, officer), legal, leader);
        approve(documents.draftForCase(id, DocumentType.DECISION, null, officer), legal, leader);
        documents.draftForCase(id, DocumentType.SERVICE_RECEIPT, 1, officer);
        approve(documents.draftForCase(id, DocumentType.CLOSING_APPROVAL, null, officer), legal, leader);
    }

    private void approve(DocumentView d, StaffMember legal, StaffMember leader) {
        documents.decide(d.id(), true, "同意", legal);
        documents.decide(d.id(), true, "同意签发", leader);
    }

    private StructureViews.Structure register(
            StaffMember officer,
            double lat,
            double lon,
            StructureKind kind,
            StructureStatus status,
            FoundBy foundBy,
            String source,
            String party,
            String address,
            double area,
            LocalDate foundOn) {
        List<double[]> outline = Outline.square(lat, lon, Math.sqrt(area));
        return structures.register(
                new NewStructure(
                        kind,
                        status,
                        foundBy,
                        source,
                        null,
                        party,
                        address,
                        outline,
                        BigDecimal.valueOf(area),
                        foundOn,
                        null),
                officer);
    }

    private static byte[] png(Color colour) {
        BufferedImage img = new BufferedImage(32, 24, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 32; x++) {
            for (int y = 0; y < 24; y++) {
                img.setRGB(x, y, colour.getRGB());
            }
        }
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(img, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
