package org.cityops.enforcement.discretion;

import java.math.BigDecimal;

/** The generated 裁量理由 of a chosen tier and fine (the handler may edit it before 告知). */
public final class DiscretionReason {

    private DiscretionReason() {}

    public static String of(ViolationItem item, TierBenchmark tier, BigDecimal fine) {
        String range = yuan(tier.fineMin()) + "元至" + yuan(tier.fineMax()) + "元";
        StringBuilder s = new StringBuilder()
                .append("当事人的行为违反了")
                .append(item.clause())
                .append("，属于「")
                .append(item.name())
                .append("」")
                .append(tier.tier().label())
                .append("情形（")
                .append(tier.conditions())
                .append("）。依据")
                .append(item.basis())
                .append("及本局自由裁量基准，该档次罚款幅度为")
                .append(range);
        if (fine != null) {
            s.append("，拟处罚款").append(yuan(fine)).append("元");
            if (!tier.allows(fine)) {
                s.append("（超出该档次幅度，须经法制审核）");
            }
        }
        return s.append("。").toString();
    }

    static String yuan(BigDecimal v) {
        return v.stripTrailingZeros().toPlainString();
    }
}
