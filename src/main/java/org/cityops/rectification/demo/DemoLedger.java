package org.cityops.rectification.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.cityops.platform.CityClock;
import org.cityops.rectification.MeasureStatus;
import org.cityops.rectification.ProblemStatus;
import org.cityops.rectification.internal.LedgerDraft;
import org.cityops.rectification.internal.LedgerDraft.CategoryDraft;
import org.cityops.rectification.internal.LedgerDraft.MeasureDraft;
import org.cityops.rectification.internal.LedgerDraft.ProblemDraft;
import org.cityops.rectification.internal.LedgerSeeding;
import org.cityops.rectification.internal.imports.JsonLedgerReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Builds the demo ledger from the seed fixture: the report names neither leaders nor departments nor deadlines
 * per measure, so the demo assigns them by the measure's subject (环卫 → 市环卫处, 公园 → 市公园管理中心, …;
 * the bureau's 处室 such as 办公室 or 机关党委 stay as text). Deadlines are set around today so that the
 * warnings have something to show; statuses follow the report (12 已整改到位, 15 取得明显成效, 16 取得初步成效).
 */
@Component
@Profile("demo")
class DemoLedger {

    private static final Logger log = LoggerFactory.getLogger(DemoLedger.class);
    static final String RESOURCE = "rectification/seed-rectification.json";
    static final String STATUS_SOURCE = "依据《市城管局落实巡察“回头看”反馈意见整改情况报告》(2020-01-22)核定";

    private final LedgerSeeding ledger;
    private final Clock clock;

    DemoLedger(LedgerSeeding ledger, Clock clock) {
        this.ledger = ledger;
        this.clock = clock;
    }

    @Transactional
    public void seedOnce() {
        byte[] json;
        try {
            json = new ClassPathResource(RESOURCE).getContentAsByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        LedgerDraft draft = new JsonLedgerReader().read(json);
        if (ledger.hasInspection(draft.name())) {
            return;
        }
        LocalDate today = LocalDate.now(clock.withZone(CityClock.ZONE));
        List<CategoryDraft> cats = new ArrayList<>();
        for (CategoryDraft c : draft.categories()) {
            List<ProblemDraft> problems = new ArrayList<>();
            for (ProblemDraft p : c.problems()) {
                ProblemStatus target = p.number() <= 12
                        ? ProblemStatus.RECTIFIED
                        : p.number() <= 27 ? ProblemStatus.SIGNIFICANT_PROGRESS : ProblemStatus.INITIAL_PROGRESS;
                List<MeasureDraft> measures = new ArrayList<>();
                for (int i = 0; i < p.measures().size(); i++) {
                    measures.add(assign(c.seq(), p.number(), i, p.measures().get(i), target, today));
                }
                problems.add(new ProblemDraft(p.number(), p.title(), target, measures));
            }
            cats.add(new CategoryDraft(c.seq(), c.title(), problems));
        }
        LedgerDraft demo = new LedgerDraft(
                draft.name(),
                draft.inspectingBody(),
                draft.kind(),
                draft.periodText(),
                draft.feedbackDate(),
                "我局党组",
                draft.reportTitle(),
                cats);
        var result = ledger.store(demo);
        long id = result.inspectionId();
        ledger.justifyOverrides(id, STATUS_SOURCE);
        ledger.completeOnDeadline(id, today);
        for (String rule : RULES) {
            ledger.addAchievement(id, "RULE", rule);
        }
        for (String report : REPORTS) {
            ledger.addAchievement(id, "RESEARCH_REPORT", report);
        }
        log.info(
                "Demo rectification ledger seeded: inspection {} with {} problems and {} measures",
                id,
                result.problems(),
                result.measures());
    }

    private static MeasureDraft assign(
            int category, int problem, int index, MeasureDraft m, ProblemStatus target, LocalDate today) {
        String subject = m.title() + m.text();
        String dept = department(subject);
        String leader = category == 1 || category == 5 || category == 7 ? "党组书记、局长" : "党组成员、副局长";
        MeasureStatus status;
        LocalDate deadline;
        boolean longTerm = false;
        if (target == ProblemStatus.RECTIFIED) {
            status = MeasureStatus.COMPLETED;
            deadline = today.minusDays(30 + problem);
        } else if (target == ProblemStatus.SIGNIFICANT_PROGRESS) {
            status = index == 0 ? MeasureStatus.COMPLETED : MeasureStatus.IN_PROGRESS;
            deadline = index == 0 ? today.minusDays(10) : problem % 5 == 0 ? today.plusDays(5) : today.plusDays(60);
        } else {
            status = MeasureStatus.IN_PROGRESS;
            longTerm = problem % 4 == 0;
            deadline = longTerm ? null : problem % 3 == 0 ? today.minusDays(3) : today.plusDays(3 + problem);
        }
        List<String> coop = subject.contains("各区") || subject.contains("辖市区") || subject.contains("建筑垃圾")
                ? List.of("天宁区城管局", "钟楼区城管局", "新北区城管局", "武进区城管局")
                : dept.equals("办公室") ? List.of() : List.of("办公室");
        return new MeasureDraft(
                m.subNo(),
                m.title(),
                m.titleDerived(),
                m.text(),
                leader,
                dept,
                coop,
                deadline,
                longTerm,
                null,
                status,
                null,
                "leader1");
    }

    /** 牵头部门 by subject; the names of the bureau's 处室 match no org department and stay as text. */
    static String department(String s) {
        if (s.contains("建筑垃圾") || s.contains("渣土") || s.contains("违法建设") || s.contains("执法")) {
            return "市城管执法支队";
        }
        if (s.contains("垃圾") || s.contains("环卫") || s.contains("餐厨") || s.contains("填埋")) {
            return "市环卫处";
        }
        if (s.contains("废弃物处理中心")) {
            return "市生活废弃物处理中心";
        }
        if (s.contains("公园")) {
            return "市公园管理中心";
        }
        if (s.contains("绿化") || s.contains("园艺") || s.contains("人才工作室")) {
            return "市园艺发展服务中心";
        }
        if (s.contains("党") || s.contains("支部") || s.contains("意识形态") || s.contains("廉政")) {
            return "机关党委";
        }
        if (s.contains("干部") || s.contains("轮岗") || s.contains("人才")) {
            return "组织人事处";
        }
        if (s.contains("财务") || s.contains("采购") || s.contains("资产") || s.contains("预算") || s.contains("租")) {
            return "计划财务处";
        }
        if (s.contains("工程") || s.contains("设计") || s.contains("项目")) {
            return "规划建设处";
        }
        if (s.contains("信息化") || s.contains("系统") || s.contains("平台")) {
            return "科技信息处";
        }
        if (s.contains("考核") || s.contains("考评") || s.contains("长效")) {
            return "长效管理处";
        }
        if (s.contains("市容") || s.contains("非机动车")) {
            return "市容管理处";
        }
        if (s.contains("立法") || s.contains("法规") || s.contains("规范性文件")) {
            return "政策法规处";
        }
        return "办公室";
    }

    /** 建章立制: the 9 rules the seed report names. */
    static final List<String> RULES = List.of(
            "《常州市城市管理局科技工作管理办法(试行)》",
            "《常州市城市管理局科技计划项目管理办法(试行)》",
            "《常州市城市管理局信息化项目建设管理细则(试行)》",
            "《常州市城市管理局视频监控建设暂行规定》",
            "《局工程建设项目管理办法》",
            "《开放式综合公园管理服务基本规范》(省地方标准送审)",
            "《常州市城市管理局党组关于贯彻落实市委“三项机制”的实施细则》",
            "《党内政治生活全过程检查制度》",
            "《常州市城市管理局部门集中采购管理办法》");

    /** 调研报告: the 11 research reports (six are named in the seed report). */
    static final List<String> REPORTS = List.of(
            "《新形势下如何加强执法(协管员)队伍建设和管理》",
            "《城管系统信息化工作调研报告》",
            "《常州市推进垃圾分类及源头减量的研究》",
            "《推进开放式公园精细化管理,提升开放式公园公共服务能力》",
            "《常州城乡一体化长效综合管理的实践与思考》",
            "《进一步加强基层党支部建设的几点思考》",
            "局领导调研报告(七)",
            "局领导调研报告(八)",
            "局领导调研报告(九)",
            "局领导调研报告(十)",
            "局领导调研报告(十一)");
}
