package org.cityops.wastestream.classification;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiPredicate;

/** The checks of a unit draft, each naming its field. Plain Java (whether a point lies in a grid is given). */
public final class UnitRules {

    public record Problem(String field, String message) {}

    static final int MAX_BINS = 999;

    private final BiPredicate<Double, Double> inGrid;

    public UnitRules(BiPredicate<Double, Double> inGrid) {
        this.inGrid = inGrid;
    }

    public List<Problem> problems(UnitDraft d) {
        List<Problem> out = new ArrayList<>();
        if (d.code() == null || d.code().isBlank() || d.code().trim().length() > 32) {
            out.add(new Problem("code", "编号必填（不超过32字符）code required, at most 32 characters"));
        }
        if (d.name() == null || d.name().isBlank() || d.name().trim().length() > 200) {
            out.add(new Problem("name", "名称必填（不超过200字符）name required, at most 200 characters"));
        }
        if (UnitKind.parse(d.kind()) == null) {
            out.add(new Problem("kind", "类型须为 小区/单位/学校/医院/银行网点/公共机构 unknown kind"));
        }
        if (d.address() != null && d.address().trim().length() > 300) {
            out.add(new Problem("address", "地址不超过300字符 address at most 300 characters"));
        }
        if (d.lat() == null || d.lat() < -90 || d.lat() > 90) {
            out.add(new Problem("lat", "纬度必填（-90至90）latitude required"));
        } else if (d.lon() == null || d.lon() < -180 || d.lon() > 180) {
            out.add(new Problem("lon", "经度必填（-180至180）longitude required"));
        } else if (!inGrid.test(d.lat(), d.lon())) {
            out.add(new Problem("lat", "位置不在任何网格内 location is in no grid"));
        }
        for (WasteClass c : WasteClass.values()) {
            int n = d.count(c);
            if (n < 0 || n > MAX_BINS) {
                out.add(new Problem(field(c), "桶数须在0至999之间 bins must be 0..999"));
            }
        }
        return out;
    }

    static String field(WasteClass c) {
        return switch (c) {
            case RECYCLABLE -> "recyclable";
            case HAZARDOUS -> "hazardous";
            case KITCHEN -> "kitchen";
            case OTHER -> "other";
        };
    }
}
