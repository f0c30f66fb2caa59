package org.cityops.enforcement.discretion;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One entry of the catalogue of 违法行为: what is violated (违反条款), what punishes it (处罚依据), the kinds of
 * penalty, and the discretion benchmark's tiers.
 *
 * @param code        the item's code (e.g. {@code CX-001})
 * @param clause      违反条款
 * @param basis       处罚依据
 * @param penaltyKind 处罚种类 (警告、罚款、责令限期拆除 …)
 */
public record ViolationItem(
        String code, String name, String clause, String basis, String penaltyKind, List<TierBenchmark> tiers) {

    public ViolationItem {
        tiers = List.copyOf(tiers);
    }

    public Optional<TierBenchmark> tier(Tier t) {
        return tiers.stream().filter(b -> b.tier() == t).findFirst();
    }

    /**
     * The problems of this item's table, "中文 English": a tier without a range, a range upside down, tiers whose
     * ranges step down, a tier given twice.
     */
    public List<String> problems() {
        List<String> out = new ArrayList<>();
        if (code == null || code.isBlank()) {
            out.add("缺少编码 code is required");
        }
        if (name == null || name.isBlank()) {
            out.add("缺少违法行为名称 name is required");
        }
        if (tiers.isEmpty()) {
            out.add("至少一个裁量档次 at least one tier");
        }
        BigDecimal previousMin = null;
        Tier previous = null;
        for (TierBenchmark b :
                tiers.stream().sorted((a, c) -> a.tier().compareTo(c.tier())).toList()) {
            if (b.tier() == previous) {
                out.add("档次重复：" + b.tier().label() + " tier given twice");
            }
            if (b.fineMin() == null || b.fineMax() == null || b.fineMin().signum() < 0) {
                out.add(b.tier().label() + "：缺少罚款幅度 the fine range is missing");
                continue;
            }
            if (b.fineMin().compareTo(b.fineMax()) > 0) {
                out.add(b.tier().label() + "：下限高于上限 the minimum is above the maximum");
            }
            if (previousMin != null && b.fineMin().compareTo(previousMin) < 0) {
                out.add(b.tier().label() + "：罚款下限低于较轻档次 a heavier tier starts below a lighter one");
            }
            previousMin = b.fineMin();
            previous = b.tier();
        }
        return out;
    }
}
