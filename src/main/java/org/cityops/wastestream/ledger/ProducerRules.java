package org.cityops.wastestream.ledger;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiPredicate;
import org.cityops.platform.CreditCode;

/** The producer ledger's checks, without Spring or SQL: every problem named by its field. */
public final class ProducerRules {

    public record Problem(String field, String message) {}

    static final BigDecimal MAX_EXPECTED_KG = new BigDecimal("100000");

    private final BiPredicate<Double, Double> insideCity;

    /** @param insideCity (lat, lon) → lies in a grid of the city */
    public ProducerRules(BiPredicate<Double, Double> insideCity) {
        this.insideCity = insideCity;
    }

    public List<Problem> problems(ProducerDraft d) {
        List<Problem> out = new ArrayList<>();
        String credit = CreditCode.problem(d.creditCode());
        if (credit != null) {
            out.add(new Problem("creditCode", credit));
        }
        if (d.name() == null || d.name().isBlank()) {
            out.add(new Problem("name", "单位名称必填 name required"));
        }
        if (d.foodLicence() != null
                && !d.foodLicence().isBlank()
                && !d.foodLicence().trim().matches("JY\\d{14}")) {
            out.add(new Problem("foodLicence", "食品经营许可证编号须为 JY 加14位数字 licence must be JY and 14 digits"));
        }
        if (ProducerCategory.parse(d.category()) == null) {
            out.add(new Problem("category", "类别须为 餐饮/单位食堂/农贸市场/食品加工/其他 unknown category"));
        }
        if (d.lat() == null || d.lon() == null) {
            out.add(new Problem(d.lat() == null ? "lat" : "lon", "位置必填 location required"));
        } else if (!insideCity.test(d.lat(), d.lon())) {
            out.add(new Problem("lat", "位置不在本市网格内 location outside the city's grids"));
        }
        if (d.expectedKgDay() != null
                && (d.expectedKgDay().signum() < 0 || d.expectedKgDay().compareTo(MAX_EXPECTED_KG) > 0)) {
            out.add(new Problem("expectedKgDay", "预计日产生量须在0至100000千克之间 expected kg/day must be 0..100000"));
        }
        if ((d.contractFrom() == null) != (d.contractTo() == null)) {
            out.add(new Problem(
                    d.contractFrom() == null ? "contractFrom" : "contractTo", "合同起止日期须同时填写 contract needs both dates"));
        } else if (d.contractFrom() != null && d.contractTo().isBefore(d.contractFrom())) {
            out.add(new Problem("contractTo", "合同截止日早于起始日 contract ends before it starts"));
        }
        if (d.contractFrom() != null && (d.collector() == null || d.collector().isBlank())) {
            out.add(new Problem("collector", "签约须填写收运单位 a contract needs the collector"));
        }
        return out;
    }
}
