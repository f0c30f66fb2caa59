package org.cityops.streetfront.signs;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiPredicate;
import org.cityops.platform.CreditCode;

/**
 * What makes a facility acceptable (no Spring, no SQL): a code and a name, a known class and kind, an owner with a
 * valid 统一社会信用代码, a size of 0.1–100 m by 0.1–100 m, a position inside the city, and a permit whose end does
 * not precede its start (a permit number needs both dates). Each problem is named by its field.
 */
public final class FacilityRules {

    /** A problem with one field of a draft. */
    public record Problem(String field, String message) {}

    private final BiPredicate<Double, Double> insideCity;

    /** @param insideCity (lat, lon) → whether the point lies in the city */
    public FacilityRules(BiPredicate<Double, Double> insideCity) {
        this.insideCity = insideCity;
    }

    public List<Problem> problems(FacilityDraft d) {
        List<Problem> out = new ArrayList<>();
        if (blank(d.code()) || d.code().trim().length() > 64) {
            out.add(new Problem("code", "设施编号必填，不超过64字 code required, at most 64 characters"));
        }
        if (blank(d.name()) || d.name().trim().length() > 200) {
            out.add(new Problem("name", "名称必填，不超过200字 name required, at most 200 characters"));
        }
        if (FacilityClass.parse(d.facilityClass()) == null) {
            out.add(new Problem("facilityClass", "设置形式须为附属式、独立式或移动式 class must be 附属式/独立式/移动式"));
        }
        if (FacilityKind.parse(d.kind()) == null) {
            out.add(new Problem("kind", "类型须为招牌、广告牌或LED显示屏 kind must be 招牌/广告牌/LED显示屏"));
        }
        if (blank(d.ownerName()) || d.ownerName().trim().length() > 200) {
            out.add(new Problem("ownerName", "设置人必填 owner name required"));
        }
        String credit = CreditCode.problem(d.ownerCreditCode());
        if (credit != null) {
            out.add(new Problem("ownerCreditCode", credit));
        }
        if (!size(d.widthM())) {
            out.add(new Problem("widthM", "宽度须在0.1至100米之间 width must be 0.1..100 m"));
        }
        if (!size(d.heightM())) {
            out.add(new Problem("heightM", "高度须在0.1至100米之间 height must be 0.1..100 m"));
        }
        if (d.lat() == null || d.lon() == null || Math.abs(d.lat()) > 90 || Math.abs(d.lon()) > 180) {
            out.add(new Problem("lat", "位置须为 WGS-84 经纬度 position must be WGS-84 lat/lon"));
        } else if (!insideCity.test(d.lat(), d.lon())) {
            out.add(new Problem("lat", "设施不在本市范围内 the facility lies outside the city"));
        }
        out.addAll(permitProblems(d));
        return out;
    }

    /** The permit's own rules, also used when only the permit is renewed. */
    public static List<Problem> permitProblems(FacilityDraft d) {
        List<Problem> out = new ArrayList<>();
        boolean any = !blank(d.permitNo()) || d.permitFrom() != null || d.permitTo() != null;
        if (!any) {
            return out;
        }
        if (blank(d.permitNo()) || d.permitNo().trim().length() > 64) {
            out.add(new Problem("permitNo", "许可证号必填，不超过64字 permit number required"));
        }
        if (d.permitFrom() == null) {
            out.add(new Problem("permitFrom", "许可起始日期必填 permit start required"));
        }
        if (d.permitTo() == null) {
            out.add(new Problem("permitTo", "许可截止日期必填 permit end required"));
        }
        if (d.permitFrom() != null && d.permitTo() != null && d.permitTo().isBefore(d.permitFrom())) {
            out.add(new Problem("permitTo", "许可截止日期早于起始日期 the permit ends before it starts"));
        }
        if (d.permitConditions() != null && d.permitConditions().length() > 500) {
            out.add(new Problem("permitConditions", "许可条件不超过500字 at most 500 characters"));
        }
        return out;
    }

    private static boolean size(Double v) {
        return v != null && v >= 0.1 && v <= 100;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
