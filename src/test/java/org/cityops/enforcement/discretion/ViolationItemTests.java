package org.cityops.enforcement.discretion;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class ViolationItemTests {

    static TierBenchmark t(Tier tier, String min, String max) {
        return new TierBenchmark(tier, "情形", new BigDecimal(min), new BigDecimal(max));
    }

    static ViolationItem item(TierBenchmark... tiers) {
        return new ViolationItem("T-1", "擅自占道经营", "某条例第X条", "某条例第Y条", "罚款", List.of(tiers));
    }

    @Test
    void a_table_with_ranges_stepping_up_has_no_problems() {
        assertThat(item(t(Tier.MINOR, "0", "500"), t(Tier.GENERAL, "500", "2000"))
                        .problems())
                .isEmpty();
    }

    @Test
    void a_range_upside_down_or_a_heavier_tier_starting_lower_is_a_problem() {
        assertThat(item(t(Tier.MINOR, "600", "500")).problems()).anyMatch(p -> p.contains("下限高于上限"));
        assertThat(item(t(Tier.MINOR, "500", "1000"), t(Tier.GENERAL, "100", "2000"))
                        .problems())
                .anyMatch(p -> p.contains("低于较轻档次"));
        assertThat(item(t(Tier.MINOR, "0", "1"), t(Tier.MINOR, "0", "2")).problems())
                .anyMatch(p -> p.contains("重复"));
    }

    @Test
    void the_generated_reason_names_the_tier_its_range_and_a_fine_outside_it() {
        ViolationItem i = item(t(Tier.GENERAL, "500", "2000"));
        TierBenchmark g = i.tier(Tier.GENERAL).orElseThrow();
        assertThat(DiscretionReason.of(i, g, new BigDecimal("800")))
                .contains("一般情形", "500元至2000元", "拟处罚款800元")
                .doesNotContain("超出");
        assertThat(DiscretionReason.of(i, g, new BigDecimal("3000"))).contains("超出该档次幅度");
    }
}
