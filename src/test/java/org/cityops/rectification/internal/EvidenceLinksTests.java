package org.cityops.rectification.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.cityops.platform.InvalidInputException;
import org.junit.jupiter.api.Test;

class EvidenceLinksTests {

    @Test
    void aPathOnThisPlatformIsAccepted() {
        assertThat(EvidenceLinks.sameOriginPath("/cases?category=E06001&from=2026-01-01"))
                .hasValue("/cases?category=E06001&from=2026-01-01");
        assertThat(EvidenceLinks.sameOriginPath("  /api/v1/rectification/inspections/3/ledger.xlsx "))
                .hasValue("/api/v1/rectification/inspections/3/ledger.xlsx");
        assertThat(EvidenceLinks.sameOriginPath("/")).hasValue("/");
        assertThat(EvidenceLinks.sameOriginPath("/muck/sites/%2F%2Fexample")).isPresent();
    }

    @Test
    void aLinkThatABrowserWouldFollowToAnotherSiteIsRefused() {
        for (String bad : new String[] {
            "//evil.example/x",
            "/\\evil.example/x",
            "\\\\evil.example",
            "/\t/evil.example",
            "/\n/evil.example",
            "/ /evil.example",
            "/\u3000/evil.example",
            "/\u200b/evil.example",
            "https://evil.example/",
            "http://gov.cn/doc",
            "javascript:alert(1)",
            "data:text/html,x",
            "evil.example/x",
            "cases",
            "/a\\b",
            "",
            "   ",
            null
        }) {
            assertThat(EvidenceLinks.sameOriginPath(bad))
                    .as(String.valueOf(bad))
                    .isEmpty();
        }
        assertThat(EvidenceLinks.sameOriginPath("/" + "a".repeat(EvidenceLinks.MAX_LENGTH)))
                .isEmpty();
    }

    @Test
    void requireNamesTheFieldInChinese() {
        assertThatThrownBy(() -> EvidenceLinks.require("//evil.example"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("本平台内")
                .extracting(e -> ((InvalidInputException) e).field())
                .isEqualTo("url");
    }
}
