package org.cityops.rectification.internal.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The report's sentences follow the seed report's wording (no Spring). */
class ReportWordingTests {

    @Test
    void problemHeadingsFollowTheSeedsWording() {
        assertThat(RectificationReport.problemHeading(1, "党组管全局抓大事还不到位")).isEqualTo("1.关于“党组管全局抓大事还不到位”的问题");
        assertThat(RectificationReport.problemHeading(9, "学习贯彻中央指示精神和上级决策部署不够迅速的问题"))
                .isEqualTo("9.学习贯彻中央指示精神和上级决策部署不够迅速的问题");
    }
}
