package org.cityops.catalog.internal.excel;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cityops.catalog.internal.RoutingRule;
import org.cityops.platform.excel.DataRow;
import org.cityops.platform.excel.SheetErrors;
import org.cityops.platform.excel.SheetWriter;
import org.cityops.platform.excel.UploadedWorkbook;
import org.cityops.platform.excel.WorkbookWriter;

/** The routing rules workbook: one sheet of rules (names are for reading only), one of instructions. */
public final class RoutingWorkbook {

    public static final String RULES = "派遣规则 routing";
    static final List<String> HEADERS = List.of(
            "分类选择器 selector",
            "区域代码 area code",
            "区域名称 area name",
            "部门代码 department code",
            "部门名称 department name",
            "备注 note");

    public record RuleRow(int row, String selector, String areaPrefix, String departmentCode, String note) {}

    public record Parsed(List<RuleRow> rules, List<RowError> errors) {}

    private RoutingWorkbook() {}

    public static byte[] template() {
        return write(List.of(), Map.of(), Map.of());
    }

    public static byte[] write(List<RoutingRule> rules, Map<String, String> areaNames, Map<String, String> deptNames) {
        try (WorkbookWriter wb = new WorkbookWriter()) {
            SheetWriter s = wb.sheet(RULES).text().header(HEADERS).widths(18, 14, 14, 16, 20, 30);
            for (RoutingRule rule : rules) {
                s.row(
                        rule.selector(),
                        rule.areaPrefix(),
                        rule.areaPrefix().isEmpty() ? "全市" : areaNames.getOrDefault(rule.areaPrefix(), ""),
                        rule.departmentCode(),
                        deptNames.getOrDefault(rule.departmentCode(), ""),
                        rule.note());
            }
            wb.sheet("说明 readme")
                    .widths(120)
                    .lines(
                            "派遣规则导入说明 How to fill in this workbook",
                            "分类选择器 selector: * 表示全部分类；大类如 E06*（GB/T 47678.5 事项 06 大类）、30428:E:01*、LOCAL:E:ZT*；或一个分类的完整代码如 E06010",
                            "区域代码 area code: 留空表示全市；或 6 位区县、9 位街道、12 位社区代码",
                            "部门代码 department code: 组织机构中已有的部门代码，如 HWC、ZFZD、QCGJ-320402",
                            "区域名称、部门名称仅供阅读，导入时忽略",
                            "匹配规则：分类维度更具体者优先（单个分类 > 大类 > *），其次区域更具体者优先（社区 > 街道 > 区 > 全市）",
                            "导入按（分类选择器, 区域代码）新增或更新；文件中没有的现有规则保持不变；任何一行有错则整个文件不导入");
            return wb.toBytes();
        }
    }

    public static Parsed read(InputStream in) {
        List<RuleRow> rules = new ArrayList<>();
        SheetErrors errors = new SheetErrors();
        try (UploadedWorkbook wb = UploadedWorkbook.open(in)) {
            var s = wb.sheet(RULES);
            if (s.isEmpty()) {
                errors.add(RULES, 0, null, "缺少工作表 missing sheet '" + RULES + "'");
                return new Parsed(rules, RowError.of(errors));
            }
            for (DataRow row : s.get().dataRows(UploadedWorkbook.MAX_ROWS)) {
                rules.add(new RuleRow(row.number(), row.text(0), row.text(1), row.text(3), row.text(5)));
            }
        }
        return new Parsed(rules, RowError.of(errors));
    }
}
