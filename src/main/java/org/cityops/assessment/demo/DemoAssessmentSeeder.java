package org.cityops.assessment.demo;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.cityops.assessment.CaseFactSink;
import org.cityops.assessment.CaseStepFact;
import org.cityops.assessment.StepAction;
import org.cityops.assessment.internal.Deductions;
import org.cityops.assessment.internal.Periods;
import org.cityops.assessment.internal.Schemes;
import org.cityops.assessment.internal.SourceScores;
import org.cityops.assessment.internal.model.Source;
import org.cityops.org.OrgDirectory;
import org.cityops.org.OrgUnitKind;
import org.cityops.org.OrgUnitView;
import org.cityops.platform.CityClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo assessment (demo profile): the scheme 常州长效管理考核 with default weights, standard items, synthetic case
 * facts for last month across the seven demo districts, and that month computed, locked and published so the
 * public 红黑榜 has content. Runs once (nothing happens when the scheme exists).
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
    private final CaseFactSink sink;
    private final OrgDirectory org;
    private final Clock clock;

    DemoAssessmentSeeder(Schemes schemes, Periods periods, Deductions deductions, SourceScores scores,
            CaseFactSink sink, OrgDirectory org, Clock clock) {
        this.schemes = schemes;
        this.periods = periods;
        this.deductions = deductions;
        this.scores = scores;
        this.sink = sink;
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
        schemes.save(SCHEME, "常州市城市长效管理综合考核", w, null);
        deductions.saveItem("OVERDUE-CASE", "案件超期处置（每件）", 1.0, "OVERDUE", 2, 2, 20, 80);
        deductions.saveItem("REWORK", "案件返工（每次）", 0.5, "REWORK", 1, 1, 100, 0);
        deductions.saveItem("PATROL-PROBLEM", "考评员巡查发现问题（每处）", 2.0, "MANUAL", 2, 2, 20, 80);

        LocalDate first = LocalDate.now(clock.withZone(CityClock.ZONE)).withDayOfMonth(1).minusMonths(1);
        LocalDate last = first.plusMonths(1).minusDays(1);
        int n = sink.recordAll(facts(first));
        Periods.Period p = periods.open(first, last, SCHEME);
        deductions.record(p.id(), "PATROL-PROBLEM", "QCGJ-320412", "320412", null, null, 2, false, false,
                "巡查路线：湖塘镇主干道 发现暴露垃圾两处");
        scores.importExcel(p.id(), Source.THIRD_PARTY, thirdPartyWorkbook(), "system");
        periods.compute(p.id(), "月末计算（演示数据）");
        periods.lock(p.id());
        periods.publish(p.id());
        log.info("Demo assessment: {} case facts for {} ~ {}, period {} computed, locked and published", n, first,
                last, p.id());
    }

    /** 第三方评价 for the districts, as an inspection company would deliver it. */
    private ByteArrayInputStream thirdPartyWorkbook() throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
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

    List<CaseStepFact> facts(LocalDate month) {
        Random rnd = new Random(20261127L);
        List<CaseStepFact> out = new ArrayList<>();
        Instant start = month.atStartOfDay(CityClock.ZONE).toInstant();
        long caseId = 880_000_000L;
        for (int d = 0; d < DISTRICTS.size(); d++) {
            String district = DISTRICTS.get(d);
            List<String> communities = new ArrayList<>();
            for (OrgUnitView street : org.children(district)) {
                org.children(street.code()).stream().filter(c -> c.kind() == OrgUnitKind.COMMUNITY)
                        .forEach(c -> communities.add(c.code()));
            }
            double quality = 0.95 - d * 0.04;
            int cases = 25 + rnd.nextInt(15);
            for (int i = 0; i < cases; i++) {
                caseId++;
                String community = communities.get(rnd.nextInt(communities.size()));
                new DemoCase(out, rnd, caseId, district, community, quality,
                        start.plus(rnd.nextInt(24 * 24), ChronoUnit.HOURS)).play();
            }
        }
        return out;
    }

    /** One synthetic case: its steps with plausible outcomes; better districts have better odds. */
    static final class DemoCase {
        final List<CaseStepFact> out;
        final Random rnd;
        final long id;
        final String district;
        final String community;
        final double q;
        Instant t;
        int seq;
        final String channel;
        final String reporter;
        final boolean leader;
        final boolean media;

        DemoCase(List<CaseStepFact> out, Random rnd, long id, String district, String community, double q, Instant t) {
            this.out = out;
            this.rnd = rnd;
            this.id = id;
            this.district = district;
            this.community = community;
            this.q = q;
            this.t = t;
            this.channel = rnd.nextDouble() < 0.7 ? "INSPECTOR" : (rnd.nextBoolean() ? "HOTLINE" : "PUBLIC");
            this.reporter = "INSPECTOR".equals(channel) ? "inspector1" : null;
            this.leader = rnd.nextDouble() < 0.04;
            this.media = rnd.nextDouble() < 0.04;
        }

        boolean chance(double p) {
            return rnd.nextDouble() < p;
        }

        void step(StepAction a, String actor, String role, String assignee, String dept, Boolean onTime,
                Boolean byDeadline, Integer satisfaction, long hoursLater) {
            t = t.plus(hoursLater, ChronoUnit.HOURS);
            out.add(new CaseStepFact("demo-" + id + "-" + (++seq), id, "DEMO" + id, "0601", channel,
                    community + "001", community, community.substring(0, 9), district, dept, a, actor, role, assignee,
                    reporter, t, null, onTime, byDeadline, leader, media, false, satisfaction, null));
        }

        void play() {
            if (reporter != null) {
                step(StepAction.REPORTED, "inspector1", "INSPECTOR", null, null, null, null, null, 0);
            }
            step(StepAction.ACCEPTED, "operator1", "OPERATOR", null, null, null, null, null, 0);
            step(StepAction.VERIFY_ASSIGNED, "operator1", "OPERATOR", "inspector1", null, chance(0.93), null, null, 0);
            step(StepAction.VERIFIED, "inspector1", "INSPECTOR", null, null, chance(0.88), null, null, 1);
            if (chance(0.05)) {
                step(StepAction.VOIDED, "shiftlead1", "SHIFT_LEADER", null, null, null, null, null, 1);
                return;
            }
            step(StepAction.FILED, "shiftlead1", "SHIFT_LEADER", "inspector1", null, chance(0.93), null, null, 1);
            String dept = chance(0.6) ? "QCGJ-" + district : (chance(0.5) ? "HWC" : "ZFZD");
            step(StepAction.DISPATCHED, "dispatcher1", "DISPATCHER", null, dept, chance(0.9), null, null, 1);
            if (chance(0.05)) {
                step(StepAction.RETURNED, "handler", "HANDLER", "dispatcher1", dept, null, null, null, 2);
                dept = "QCGJ-" + district;
                step(StepAction.DISPATCHED, "dispatcher1", "DISPATCHER", null, dept, chance(0.9), null, null, 1);
            }
            if (chance(0.08)) {
                step(StepAction.EXTENDED, "shiftlead1", "SHIFT_LEADER", null, dept, null, null, null, 4);
            }
            double r = rnd.nextDouble();
            if (r > 0.97) {
                step(StepAction.SUSPENDED, "shiftlead1", "SHIFT_LEADER", null, dept, null, null, null, 6);
                return;
            }
            boolean onTime = r < q * 0.9;
            boolean handled = r < q * 0.9 + (1 - q * 0.9) * 0.6;
            if (!onTime) {
                step(StepAction.OVERDUE, null, "SYSTEM", null, dept, null, null, null, 48);
            }
            if (!handled) {
                return;
            }
            step(StepAction.HANDLED, "handler", "HANDLER", null, dept, null, onTime, null, onTime ? 20 : 30);
            step(StepAction.CHECK_ASSIGNED, "operator1", "OPERATOR", "inspector1", null, chance(0.95), null, null, 1);
            step(StepAction.CHECKED, "inspector1", "INSPECTOR", null, null, chance(0.9), null, null, 2);
            if (chance(1.05 - q)) {
                step(StepAction.REWORK, "shiftlead1", "SHIFT_LEADER", "dispatcher1", dept, null, null, null, 1);
                step(StepAction.HANDLED, "handler", "HANDLER", null, dept, null, onTime, null, 10);
                step(StepAction.CHECK_ASSIGNED, "operator1", "OPERATOR", "inspector1", null, true, null, null, 1);
                step(StepAction.CHECKED, "inspector1", "INSPECTOR", null, null, chance(0.9), null, null, 2);
            }
            step(StepAction.CLOSED, "shiftlead1", "SHIFT_LEADER", null, dept, chance(0.92), onTime, null, 1);
            int[] sat = {100, 100, 100, 60, 60, 0};
            step(StepAction.RETURN_VISIT, "operator1", "OPERATOR", null, dept, null, null,
                    sat[Math.min(sat.length - 1, (int) (rnd.nextDouble() * sat.length * (1.6 - q)))], 24);
        }
    }
}
