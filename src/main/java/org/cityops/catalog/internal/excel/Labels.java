package org.cityops.catalog.internal.excel;

import java.util.Locale;
import org.cityops.catalog.CategoryKind;
import org.cityops.catalog.ProcessStage;
import org.cityops.catalog.TimeBasis;
import org.cityops.catalog.Urgency;

/** Chinese labels of the catalogue's enums in workbooks; parsing accepts the label or the enum name. */
final class Labels {

    private Labels() {}

    static String stage(ProcessStage s) {
        return switch (s) {
            case VERIFY -> "核实";
            case FILE -> "立案";
            case DISPATCH -> "派遣";
            case HANDLE -> "处置";
            case CHECK -> "核查";
            case CLOSE -> "结案";
        };
    }

    static String basis(TimeBasis b) {
        return b == TimeBasis.WORKING ? "工作时" : "自然时";
    }

    static ProcessStage stage(String text) {
        for (ProcessStage s : ProcessStage.values()) {
            if (s.name().equalsIgnoreCase(text.trim()) || stage(s).equals(text.trim())) {
                return s;
            }
        }
        return null;
    }

    static Urgency urgency(String text) {
        for (Urgency u : Urgency.values()) {
            if (u.name().equalsIgnoreCase(text.trim()) || u.label().equals(text.trim())) {
                return u;
            }
        }
        return null;
    }

    static TimeBasis basis(String text) {
        for (TimeBasis b : TimeBasis.values()) {
            if (b.name().equalsIgnoreCase(text.trim()) || basis(b).equals(text.trim())) {
                return b;
            }
        }
        return null;
    }

    static CategoryKind kind(String text) {
        String v = text.trim().toUpperCase(Locale.ROOT);
        return switch (v) {
            case "部件", "管理部件", "COMPONENT", "C" -> CategoryKind.COMPONENT;
            case "事件", "事项", "管理事项", "EVENT", "E" -> CategoryKind.EVENT;
            default -> null;
        };
    }
}
