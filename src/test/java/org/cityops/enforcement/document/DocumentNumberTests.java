package org.cityops.enforcement.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DocumentNumberTests {

    @Test
    void a_number_reads_prefix_word_year_and_running_number() {
        assertThat(DocumentNumber.format("常城执", DocumentType.DECISION, 2026, 12))
                .isEqualTo("常城执罚决字〔2026〕第12号");
        assertThat(DocumentNumber.format("苏城执", DocumentType.PRIOR_NOTICE, 2027, 1))
                .isEqualTo("苏城执罚告字〔2027〕第1号");
    }

    @Test
    void records_and_approval_forms_carry_no_number() {
        assertThatThrownBy(() -> DocumentNumber.format("常城执", DocumentType.INQUIRY, 2026, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(DocumentType.FILING_APPROVAL.numbered()).isFalse();
        assertThat(DocumentType.FILING_APPROVAL.needsApproval()).isTrue();
        assertThat(DocumentType.SERVICE_RECEIPT.needsApproval()).isFalse();
    }

    @Test
    void a_decision_carries_the_full_identity_of_the_party_and_survives_storage() {
        CaseFacts f = new CaseFacts(
                "常州市城市管理综合行政执法支队",
                "ZF2026000001",
                "巡查发现",
                null,
                "自然人",
                "张三",
                "11010519491231002X",
                null,
                "占道经营",
                "《城市市容和环境卫生管理条例》第十四条",
                "《城市市容和环境卫生管理条例》第三十六条",
                "警告、罚款",
                "在人行道上摆摊\t经营",
                "测试路1号",
                LocalDate.of(2026, 3, 2),
                "执法队员一",
                "一般",
                new BigDecimal("500.00"),
                "待送达",
                Map.of("立案", LocalDate.of(2026, 3, 3)),
                LocalDate.of(2026, 3, 20));
        DocumentContent c =
                DocumentTemplates.forCase(DocumentType.DECISION, f, 1).withNumber("常城执罚决字〔2026〕第1号");
        assertThat(String.join("\n", c.lines())).contains("11010519491231002X").contains("罚款人民币500元");
        assertThat(DocumentContent.parse(c.serialize())).isEqualTo(c);
    }
}
