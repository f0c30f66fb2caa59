package org.cityops.notify;

import java.util.List;

/**
 * What a notice tells, with its default Chinese template and the placeholders that template may use. ADMIN can
 * edit the words; a template using a placeholder not listed here is refused when saved. {@code urgent} kinds
 * (超期, 督办) are sent in a recipient's quiet hours too.
 */
public enum NoticeKind {
    CASE_WARNING(
            "案件预警",
            false,
            "【城管】案件{caseNumber}（{category}）{stage}将于{dueAt}到期，请及时处理。",
            List.of("caseNumber", "category", "stage", "dueAt", "link")),
    CASE_OVERDUE(
            "案件超期",
            true,
            "【城管】案件{caseNumber}（{category}）{stage}已于{dueAt}超期，请立即处理。",
            List.of("caseNumber", "category", "stage", "dueAt", "link")),
    CASE_SUPERVISED(
            "案件督办",
            true,
            "【城管】{leader}督办案件{caseNumber}（{category}）：{note}",
            List.of("caseNumber", "category", "leader", "note", "link")),
    INSPECTOR_TASK(
            "监督员任务",
            false,
            "【城管】新{task}任务：案件{caseNumber}，{address}，请于{dueAt}前完成。",
            List.of("caseNumber", "task", "address", "dueAt", "link")),
    MUCK_ALARM("渣土车报警", false, "【城管】{plate}{alarm}：{place}，{at}。", List.of("plate", "alarm", "place", "at", "link")),
    MEASURE_OVERDUE(
            "整改措施逾期",
            false,
            "【城管】整改措施“{measure}”（{department}）已于{dueAt}逾期未完成。",
            List.of("measure", "department", "dueAt", "link")),
    ASSESSMENT_PUBLISHED(
            "考核结果发布",
            false,
            "【城管】{period}考核结果已发布：{district}得分{score}，排名第{rank}。",
            List.of("period", "district", "score", "rank", "link")),
    VISIT_LINK("回访评价", false, "【12319】您反映的问题（{caseNumber}）已办结，请评价处理结果：{link}（7天内有效）", List.of("caseNumber", "link")),
    OPINION_FORWARDED("舆情转办", false, "【城管】舆情“{title}”已转贵单位核处，请于{dueAt}前回复。", List.of("title", "dueAt", "link")),
    OPINION_REPLY_OVERDUE("舆情回复超期", true, "【城管】舆情“{title}”回复已超期（期限{dueAt}），请立即回复。", List.of("title", "dueAt", "link"));

    private final String label;
    private final boolean urgent;
    private final String defaultTemplate;
    private final List<String> placeholders;

    NoticeKind(String label, boolean urgent, String defaultTemplate, List<String> placeholders) {
        this.label = label;
        this.urgent = urgent;
        this.defaultTemplate = defaultTemplate;
        this.placeholders = placeholders;
    }

    public String label() {
        return label;
    }

    /** Sent in quiet hours too (超期, 督办, and an overdue 舆情 reply). */
    public boolean urgent() {
        return urgent;
    }

    public String defaultTemplate() {
        return defaultTemplate;
    }

    public List<String> placeholders() {
        return placeholders;
    }
}
