package org.cityops.rectification.internal.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.cityops.rectification.InspectionKind;
import org.cityops.rectification.ProblemStatus;
import org.cityops.rectification.internal.ChineseNumerals;
import org.cityops.rectification.internal.LedgerReads.ProblemView;
import org.cityops.rectification.internal.LedgerReads.Summary;
import org.cityops.rectification.internal.LedgerRows.InspectionRow;
import org.cityops.rectification.internal.LedgerRows.MeasureRow;
import org.cityops.rectification.internal.LedgerRows.ProblemRow;

/**
 * The rectification report (整改情况报告) in the seed report's structure, every figure computed from the ledger:
 * title; 一、组织推进…整改工作情况 with the totals; 二、组织落实…整改工作成效 with one section per category, each
 * problem numbered as in the ledger with its measures and their latest progress; 三、下一步工作.
 */
public record RectificationReport(String title, List<Block> blocks) {

    public enum Kind {
        /** the date line under the title */
        DATE,
        /** 一、 二、 三、 */
        SECTION,
        /** (一)关于“…”问题的整改 */
        CATEGORY,
        /** 1.关于“…”的问题 */
        PROBLEM,
        PARAGRAPH,
        /** a measure's latest progress */
        PROGRESS
    }

    public record Block(Kind kind, String text) {}

    /** The sentence with the measure count: 对巡察反馈的N条问题列出了M条整改措施. */
    static String measuresSentence(String word, int problems, int measures) {
        return "对" + word + "反馈的" + problems + "条问题列出了" + measures + "条整改措施";
    }

    /** 43条问题中有12条问题已整改到位、15条问题已取得明显成效、16条问题取得初步成效. */
    static String statusSentence(Summary s) {
        StringBuilder b = new StringBuilder();
        b.append(s.problems())
                .append("条问题中有")
                .append(s.problemsByStatus().get(ProblemStatus.RECTIFIED))
                .append("条问题已整改到位、")
                .append(s.problemsByStatus().get(ProblemStatus.SIGNIFICANT_PROGRESS))
                .append("条问题已取得明显成效、")
                .append(s.problemsByStatus().get(ProblemStatus.INITIAL_PROGRESS))
                .append("条问题取得初步成效");
        int notStarted = s.problemsByStatus().get(ProblemStatus.NOT_STARTED);
        if (notStarted > 0) {
            b.append("、").append(notStarted).append("条问题尚未启动整改");
        }
        return b.toString();
    }

    public static RectificationReport build(
            InspectionRow insp, Summary s, List<ProblemView> problems, LocalDate today) {
        String word = word(insp.kind());
        String what = insp.kind() == InspectionKind.LOOK_BACK
                ? "巡察“回头看”"
                : insp.kind().label();
        String title = insp.reportTitle() != null ? insp.reportTitle() : "关于落实" + insp.name() + "反馈意见整改情况的报告";
        List<Block> out = new ArrayList<>();
        out.add(new Block(Kind.DATE, "(截至" + chineseDate(today) + ")"));
        StringBuilder opening = new StringBuilder();
        if (insp.periodText() != null) {
            opening.append(insp.periodText()).append(",");
        }
        opening.append(insp.inspectingBody() != null ? insp.inspectingBody() : insp.name())
                .append("对")
                .append(insp.organization() != null ? insp.organization() : "我局")
                .append("开展了")
                .append(what);
        if (insp.feedbackDate() != null) {
            opening.append(",并于")
                    .append(chineseDate(insp.feedbackDate()))
                    .append("反馈了")
                    .append(word)
                    .append("意见");
        }
        opening.append("。针对").append(word).append("反馈的问题,现将落实").append(word).append("整改情况报告如下:");
        out.add(new Block(Kind.PARAGRAPH, opening.toString()));

        out.add(new Block(Kind.SECTION, "一、组织推进" + word + "整改工作情况"));
        out.add(new Block(
                Kind.PARAGRAPH,
                "对照" + word + "整改责任清单,对" + chineseCount(s.categories()) + "大类"
                        + s.problems() + "条问题逐一梳理,反复研究整改措施,最后" + measuresSentence(word, s.problems(), s.measures())
                        + ",明确了责任领导、牵头部门和整改时限,截止目前," + statusSentence(s)
                        + "。对账销号,已销号" + s.signedOff() + "条问题,确保件件有落实、事事有回音。"));
        StringBuilder results = new StringBuilder();
        if (s.researchReports() > 0) {
            results.append("突出重难点问题,广泛开展调查研究,形成了").append(s.researchReports()).append("份调研报告。");
        }
        if (s.rulesEstablished() > 0) {
            results.append("加强建章立制,建立了").append(s.rulesEstablished()).append("项制度,进一步用制度规范各项工作。");
        }
        int completed = s.measuresByStatus().get(org.cityops.rectification.MeasureStatus.COMPLETED);
        results.append(s.measures()).append("条整改措施中已完成").append(completed).append("条");
        if (s.overdue() > 0) {
            results.append(",逾期未完成").append(s.overdue()).append("条");
        }
        results.append("。");
        out.add(new Block(Kind.PARAGRAPH, results.toString()));

        out.add(new Block(Kind.SECTION, "二、组织落实" + word + "整改工作成效"));
        long lastCategory = -1;
        for (ProblemView pv : problems) {
            ProblemRow p = pv.problem();
            if (p.categoryId() != lastCategory) {
                lastCategory = p.categoryId();
                out.add(new Block(
                        Kind.CATEGORY,
                        "(" + ChineseNumerals.of(p.categorySeq()) + ")关于“" + p.categoryTitle() + "”问题的整改"));
            }
            out.add(new Block(Kind.PROBLEM, problemHeading(p.number(), p.title())));
            for (MeasureRow m : pv.measures()) {
                out.add(new Block(Kind.PARAGRAPH, m.reportText()));
                if (m.latestProgress() != null && !m.text().contains(m.latestProgress())) {
                    out.add(new Block(Kind.PROGRESS, "整改进展(" + m.latestProgressDate() + "):" + m.latestProgress()));
                }
            }
        }

        out.add(new Block(Kind.SECTION, "三、下一步工作"));
        int open = s.problems() - s.problemsByStatus().get(ProblemStatus.RECTIFIED);
        StringBuilder next = new StringBuilder("下一步,将以高度的政治自觉和政治担当,持续开展整改,巩固深化整改成果。");
        if (open > 0) {
            next.append("对尚未整改到位的").append(open).append("条问题,紧盯整改时限,逐项推进,");
            if (s.overdue() > 0) {
                next.append("对逾期的").append(s.overdue()).append("条整改措施限期完成,");
            }
            next.append("做到整改一条、销号一条;");
        }
        next.append("对已整改到位的问题,建立长效机制,防止反弹回潮,确保件件有落实、事事有回音。");
        out.add(new Block(Kind.PARAGRAPH, next.toString()));
        return new RectificationReport(title, List.copyOf(out));
    }

    /** 1.关于“党组管全局抓大事还不到位”的问题, or 9.学习贯彻…的问题 when the title already ends in 问题. */
    static String problemHeading(int number, String title) {
        if (title.endsWith("问题")) {
            return number + "." + title;
        }
        return number + ".关于“" + title + "”的问题";
    }

    static String word(InspectionKind kind) {
        return switch (kind) {
            case CIRCUIT -> "巡视";
            case AUDIT -> "审计";
            case SUPERVISION -> "督查";
            default -> "巡察";
        };
    }

    static String chineseDate(LocalDate d) {
        return d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
    }

    /** 八 for 8 (八大类). */
    static String chineseCount(int n) {
        return ChineseNumerals.of(n);
    }

    /** All text, for tests and search. */
    public String plainText() {
        StringBuilder b = new StringBuilder(title).append('\n');
        blocks.forEach(x -> b.append(x.text()).append('\n'));
        return b.toString();
    }
}
