package org.cityops.rectification.internal.imports;

import java.util.List;

/** Columns of the ledger spreadsheet (整改台账 .xlsx): the ten the issue names, plus optional ones. */
final class XlsxColumns {

    static final String NO = "序号";
    static final String CATEGORY = "问题类别";
    static final String PROBLEM = "问题描述";
    static final String MEASURE = "整改措施";
    static final String LEADER = "责任领导";
    static final String LEAD_DEPT = "牵头部门";
    static final String COOP_DEPTS = "配合部门";
    static final String DEADLINE = "整改时限";
    static final String PROGRESS = "整改进展";
    static final String STATUS = "整改状态";
    /** optional: the measure's short name (when the report prints "名称。内容") */
    static final String MEASURE_TITLE = "措施名称";

    static final String OUTCOME = "预期成效";
    static final String PROBLEM_STATUS = "问题状态";

    static final List<String> REQUIRED =
            List.of(NO, CATEGORY, PROBLEM, MEASURE, LEADER, LEAD_DEPT, COOP_DEPTS, DEADLINE, PROGRESS, STATUS);
    static final List<String> OPTIONAL = List.of(MEASURE_TITLE, OUTCOME, PROBLEM_STATUS);
    /** Order of the exported sheet. */
    static final List<String> EXPORT = List.of(
            NO,
            CATEGORY,
            PROBLEM,
            PROBLEM_STATUS,
            MEASURE_TITLE,
            MEASURE,
            LEADER,
            LEAD_DEPT,
            COOP_DEPTS,
            DEADLINE,
            OUTCOME,
            PROGRESS,
            STATUS);

    static final String LEDGER_SHEET = "整改台账";
    static final String INFO_SHEET = "巡察信息";
    static final String INFO_NAME = "巡察名称";
    static final String INFO_BODY = "巡察组";
    static final String INFO_KIND = "巡察类型";
    static final String INFO_PERIOD = "巡察时间";
    static final String INFO_FEEDBACK = "反馈日期";
    static final String INFO_ORG = "被巡察单位";
    static final String INFO_TITLE = "报告标题";

    private XlsxColumns() {}
}
