package org.cityops.assessment.demo;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.cityops.assessment.internal.Deductions;
import org.cityops.assessment.internal.Periods;
import org.cityops.assessment.internal.Schemes;
import org.cityops.assessment.internal.SourceScores;
import org.cityops.assessment.internal.model.Source;
import org.cityops.org.OrgDirectory;
import org.cityops.org.StaffMember;
import org.cityops.platform.CityClock;
import org.cityops.platform.PendingEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo assessment (demo profile): the scheme 常州长效管理考核 with default weights, standard items, and last month
 * computed, locked and published so the public 红黑榜 has content. The case record it counts is last month's demo
 * history, which the cases module's demo took through the real lifecycle; this seeder writes no case facts, it
 * waits until the step events have been projected. Runs once (nothing happens when the scheme exists).
 */
@Component
@Profile("demo")
@Order(80)
class DemoAssessmentSeeder implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoAssessmentSeeder.class);
    static final String SCHEME = "CZ-LONGTERM";
    static final List<String> DISTRICTS = List.of("320402", "320404", "320411", "320412", "320413", "320481", "320491");

    private final Schemes schemes;
    private final Periods periods;
    private final Deductions deductions;
    private final SourceScores scores;
    private final PendingEvents publications;
    private final OrgDirectory org;
    private final Clock clock;

    DemoAssessmentSeeder(
            Schemes schemes,
            Periods periods,
            Deductions deductions,
            SourceScores scores,
            PendingEvents publications,
            OrgDirectory org,
            Clock clock) {
        this.schemes = schemes;
        this.periods = periods;
        this.deductions = deductions;
        this.scores = scores;
        this.publications = publications;
        this.org = org;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) throws IOException {
        if (schemes.latest(SCHEME).isPresent() || org.unit("320402").isEmpty()) {
            return;
        }
        Map<Source, Double> w = new EnumMap<>(Source.class);
        w.put(Source.PUBLIC, 20.0);
        w.put(Source.THIRD_PARTY, 20.0);
        w.put(Source.SUPERVISION, 40.0);
        w.put(Source.DEPARTMENT, 10.0);
        w.put(Source.DISTRICT, 10.0);
        schemes.save(StaffMember.SYSTEM, SCHEME, "常州市城市长效管理综合考核", w, null);
        deductions.saveItem("OVERDUE-CASE", "案件超期处置（每件）", 1.0, "OVERDUE", 2, 2, 20, 80);
        deductions.saveItem("REWORK", "案件返工（每次）", 0.5, "REWORK", 1, 1, 100, 0);
        deductions.saveItem("PATROL-PROBLEM", "考评员巡查发现问题（每处）", 2.0, "MANUAL", 2, 2, 20, 80);

        LocalDate first =
                LocalDate.now(clock.withZone(CityClock.ZONE)).withDayOfMonth(1).minusMonths(1);
        LocalDate last = first.plusMonths(1).minusDays(1);
        awaitProjection();
        Periods.Period p = periods.open(StaffMember.SYSTEM, first, last, SCHEME);
        deductions.record(
                StaffMember.SYSTEM,
                p.id(),
                "PATROL-PROBLEM",
                "QCGJ-320412",
                "320412",
                null,
                null,
                2,
                false,
                false,
                "巡查路线：湖塘镇主干道 发现暴露垃圾两处");
        scores.importExcel(p.id(), Source.THIRD_PARTY, thirdPartyWorkbook(), "system");
        periods.compute(StaffMember.SYSTEM, p.id(), "月末计算（演示数据）");
        periods.lock(p.id());
        periods.publish(p.id());
        log.info("Demo assessment: {} ~ {}, period {} computed, locked and published", first, last, p.id());
    }

    /** 第三方评价 for the districts, as an inspection company would deliver it. */
    private ByteArrayInputStream thirdPartyWorkbook() throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet s = wb.createSheet("第三方测评");
            Row h = s.createRow(0);
            h.createCell(0).setCellValue("对象类型");
            h.createCell(1).setCellValue("对象编码");
            h.createCell(2).setCellValue("得分");
            h.createCell(3).setCellValue("备注");
            double[] marks = {88.5, 91.0, 84.0, 79.5, 86.0, 82.5, 90.0};
            for (int i = 0; i < DISTRICTS.size(); i++) {
                Row r = s.createRow(i + 1);
                r.createCell(0).setCellValue("DISTRICT");
                r.createCell(1).setCellValue(DISTRICTS.get(i));
                r.createCell(2).setCellValue(marks[i]);
                r.createCell(3).setCellValue("干净、整洁、有序、安全 实地测评");
            }
            wb.write(out);
            return new ByteArrayInputStream(out.toByteArray());
        }
    }

    /** Waits (at most a minute) until every step event has reached its listeners, this module's projection among them. */
    private void awaitProjection() {
        if (!publications.awaitNone(java.time.Duration.ofMinutes(1))) {
            log.warn("Demo assessment: some case events were not yet projected; the period may miss them");
        }
    }
}
