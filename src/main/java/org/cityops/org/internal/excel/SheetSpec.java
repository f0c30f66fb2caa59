package org.cityops.org.internal.excel;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One sheet of the org workbook: its Chinese name and its columns. A column's {@code key} is the field name
 * the administration uses, so a domain error naming a field can be reported under the column's header.
 */
public record SheetSpec(String name, List<Column> columns, List<String> example) {

    /** @param alias the English header also accepted on import */
    public record Column(String key, String header, String alias, boolean required, String help) {}

    public static final SheetSpec UNITS = new SheetSpec(
            "组织机构",
            List.of(
                    new Column("code", "编码", "code", true, "市/区 6 位 (GB/T 2260)，街道/镇 = 区编码 + 3 位，社区/村 = 街道编码 + 3 位"),
                    new Column("name", "名称", "name", true, "例如 天宁区、雕庄街道、丽华新村社区"),
                    new Column(
                            "kind",
                            "层级",
                            "kind",
                            true,
                            "市 / 区 / 县级市 / 街道 / 镇 / 社区 / 村 (或 CITY DISTRICT STREET COMMUNITY)"),
                    new Column("parentCode", "上级编码", "parentCode", false, "市以外必填，且须为上一级单位的编码")),
            List.of("320402099", "示例街道", "街道", "320402"));

    public static final SheetSpec DEPARTMENTS = new SheetSpec(
            "部门",
            List.of(
                    new Column("code", "编码", "code", true, "大写字母、数字、- 和 _，例如 HWC、QCGJ-320402"),
                    new Column("name", "名称", "name", true, "例如 市环卫处"),
                    new Column("kind", "类型", "kind", true, "局机关 / 专业部门 / 区城管局 / 街道 / 其他"),
                    new Column("orgUnitCode", "所属区划编码", "orgUnitCode", false, "区城管局须填区编码，街道须填街道编码")),
            List.of("SZGL", "示例专业部门", "专业部门", ""));

    public static final SheetSpec USERS = new SheetSpec(
            "用户",
            List.of(
                    new Column("username", "用户名", "username", true, "3–64 位字母、数字、. _ -"),
                    new Column("displayName", "姓名", "displayName", true, ""),
                    new Column("phone", "手机", "phone", false, ""),
                    new Column(
                            "roles", "角色", "roles", true, "一个或多个，用顿号或逗号分隔：管理员、受理员、值班长、派遣员、监督员、处置人员、考评员、领导、整改办、渣土监管员"),
                    new Column("scope", "数据权限", "scope", true, "全市 / 本区 / 本街道 / 本部门 / 本人；本区、本街道须填所属区划，本部门须填所属部门"),
                    new Column("orgUnitCode", "所属区划编码", "orgUnitCode", false, ""),
                    new Column("departmentCode", "所属部门编码", "departmentCode", false, ""),
                    new Column("password", "初始密码", "password", false, "新账号必填，至少 10 个字符；已有账号须留空（导入不改密码）"),
                    new Column("enabled", "状态", "enabled", false, "启用 / 停用，留空为启用")),
            List.of("demo.inspector", "示例监督员", "13800000000", "监督员", "本街道", "320402001", "", "change-me-2024", "启用"));

    public static final List<SheetSpec> ALL = List.of(UNITS, DEPARTMENTS, USERS);

    /** Every header an import accepts (the Chinese header and the English alias) and its column. */
    public Map<String, Column> headerNames() {
        Map<String, Column> names = new LinkedHashMap<>();
        for (Column c : columns) {
            names.put(c.header(), c);
            names.put(c.alias(), c);
        }
        return names;
    }

    public Column column(String key) {
        return columns.stream().filter(c -> c.key().equals(key)).findFirst().orElse(null);
    }
}
