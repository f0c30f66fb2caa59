package org.cityops.catalog.demo;

import java.util.HashMap;
import java.util.Map;
import org.cityops.catalog.CategoryKind;
import org.cityops.catalog.internal.CategoryCodes;

/**
 * Demo filing and closing conditions (立案条件 / 结案条件). Written by us for the demo, not taken from any
 * standard: the bureau replaces them with its own 立案、处置和结案标准 (admin page or Excel import).
 */
final class DemoConditions {

    private static final Map<String, String[]> SPECIFIC = new HashMap<>();

    static {
        put("E06001", "城市公共区域内未经批准搭建建（构）筑物或设施，经核实属实", "违法搭建已拆除或已依法处理，现场恢复原状");
        put("E06010", "城市道路、广场、绿地等公共区域内有暴露垃圾（体积约 0.5 立方米以上或面积约 1 平方米以上）", "暴露垃圾已清除，现场干净整洁，无残留");
        put("E06011", "公共区域内有积存的垃圾、渣土", "积存垃圾渣土已清运，现场干净整洁");
        put("E06012", "道路有明显的泥沙、污渍、垃圾，影响市容", "道路已清扫保洁，路面干净");
        put("E06014", "车辆运输过程中在道路上遗撒（洒）渣土、砂石、泥浆或其他物料", "遗撒物已清除，路面干净；涉及运输车辆的已移交执法");
        put("E06037", "公共区域内有动物尸体", "动物尸体已无害化清运，现场已消毒清洁");
        put("E06042", "垃圾站、垃圾箱内垃圾满溢或周边散落垃圾", "垃圾已清运，站（箱）体及周边干净");
        put("E07001", "建筑物、构筑物、公共设施上张贴、涂写、刻画小广告", "小广告已清除，设施表面恢复整洁");
        put("E08011", "运输渣土、砂石等散体物料的车辆未安装或未使用密闭装置上路行驶", "车辆已整改密闭或已依法处理");
        put("E08012", "施工工地出入车辆车轮带泥上路，污染道路", "工地已落实冲洗措施，道路已清洁");
        put("E08016", "未取得建设工程规划许可证进行建设，经核实属实", "已依法处理（补办手续、停工或拆除）");
        put("E09006", "在城市道路、广场等公共场所占道摆摊经营", "占道经营已劝离或依法处理，现场恢复通行");
        put("E09009", "机动车在人行道、绿地等禁停区域乱停放，影响通行", "车辆已驶离或依法处理，通行恢复");
        put("LOCAL:E:ZT01", "建筑垃圾运输车辆无核准、未按核准路线或时间运输，或车辆轨迹异常经核实属实", "已依法处理，车辆和企业整改到位");
        put("LOCAL:E:ZT02", "在核准消纳场以外倾倒、堆放建筑垃圾", "建筑垃圾已清运至消纳场，责任单位已依法处理");
    }

    private DemoConditions() {}

    private static void put(String qualifiedCode, String filing, String closing) {
        SPECIFIC.put(qualifiedCode, new String[] {filing, closing});
    }

    /** {filing, closing} for a category. */
    static String[] of(String standard, CategoryKind kind, String code, String name) {
        String[] specific = SPECIFIC.get(CategoryCodes.qualified(standard, kind, code));
        if (specific != null) {
            return specific;
        }
        String facility = name.endsWith("异常") ? name.substring(0, name.length() - 2) : name;
        boolean aboutFacility = kind == CategoryKind.COMPONENT
                || name.endsWith("异常")
                || (standard.equals(CategoryCodes.GB30428) && kind == CategoryKind.COMPONENT);
        if (aboutFacility) {
            return new String[] {facility + "破损、缺失、移位、松动或存在安全隐患，影响使用或市容", facility + "已修复、补齐或复位，恢复正常使用功能，无安全隐患"};
        }
        return new String[] {"城市公共区域内发现“" + name + "”问题，经监督员核实属实", "“" + name + "”问题已处置，现场恢复正常、整洁、有序"};
    }
}
