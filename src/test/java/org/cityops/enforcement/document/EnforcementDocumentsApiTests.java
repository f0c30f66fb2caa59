package org.cityops.enforcement.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.time.ZoneId;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.cityops.support.Api;
import org.cityops.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** 执法文书 through the API on the demo city: drafting, the approval chain, 文号, hashes, the 案卷 PDF. */
@IntegrationTest
class EnforcementDocumentsApiTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    ResultActions postJson(String path, String user, String body) throws Exception {
        return mvc.perform(post(path)
                .header("Authorization", Api.bearer(mvc, user))
                .contentType(MediaType.APPLICATION_JSON)
                .content(body));
    }

    long openCase() throws Exception {
        String body = postJson("/api/v1/enforcement/cases", "enforce1", """
                        {"source":"PATROL","partyKind":"PERSON","partyName":"文书当事人",
                         "partyId":"11010519491231002X","itemCode":"SR-001","description":"占道经营",
                         "lat":31.80715,"lon":119.93837,"address":"测试路2号","discoveredOn":"%s"}""".formatted(
                                LocalDate.now(ZoneId.of("Asia/Shanghai"))))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return ((Number) JsonPath.read(body, "$.c.id")).longValue();
    }

    long draft(long caseId, String type, Integer round) throws Exception {
        String body = postJson(
                        "/api/v1/enforcement/cases/" + caseId + "/documents",
                        "enforce1",
                        "{\"type\":\"" + type + "\",\"round\":" + round + "}")
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return ((Number) JsonPath.read(body, "$.id")).longValue();
    }

    ResultActions decide(long doc, String user, boolean approve) throws Exception {
        return postJson(
                "/api/v1/enforcement/documents/" + doc + "/decision",
                user,
                "{\"approve\":" + approve + ",\"opinion\":\"" + (approve ? "同意" : "事实不清，退回") + "\"}");
    }

    void step(long caseId, String step, String body) throws Exception {
        postJson("/api/v1/enforcement/cases/" + caseId + "/steps/" + step, "enforce1", body)
                .andExpect(status().isOk());
    }

    /** 立案, 告知 (轻微, 50 yuan: no hearing right, no legal review), the party waives: a decision may be made. */
    long readyToDecide(long caseId) throws Exception {
        step(caseId, "FILE", "{}");
        step(caseId, "NOTIFY", "{\"tier\":\"MINOR\",\"fine\":50}");
        step(caseId, "WAIVE", "{\"note\":\"当事人书面放弃陈述申辩\"}");
        return caseId;
    }

    String issuedNumber(long caseId) throws Exception {
        long doc = draft(readyToDecide(caseId), "DECISION", null);
        decide(doc, "legal1", true).andExpect(jsonPath("$.nextLevel").value("DEPUTY"));
        String body = decide(doc, "leader1", true)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("ISSUED"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        return JsonPath.read(body, "$.number");
    }

    @Test
    void a_decision_goes_through_three_signatures_and_is_issued_with_the_next_number_of_its_year() throws Exception {
        String first = issuedNumber(openCase());
        String second = issuedNumber(openCase());
        int year = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();
        assertThat(first).startsWith("常城执罚决字〔" + year + "〕第").endsWith("号");
        int a = Integer.parseInt(first.replaceAll(".*第(\\d+)号", "$1"));
        int b = Integer.parseInt(second.replaceAll(".*第(\\d+)号", "$1"));
        assertThat(b).isEqualTo(a + 1);
    }

    @Test
    void the_same_document_for_the_same_step_twice_is_a_conflict_until_the_first_is_sent_back() throws Exception {
        long caseId = openCase();
        step(caseId, "FILE", "{}");
        long doc = draft(caseId, "PRIOR_NOTICE", null);
        postJson("/api/v1/enforcement/cases/" + caseId + "/documents", "enforce1", "{\"type\":\"PRIOR_NOTICE\"}")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.field").value("type"));
        decide(doc, "legal1", false).andExpect(jsonPath("$.status").value("REJECTED"));
        long again = draft(caseId, "PRIOR_NOTICE", null);
        assertThat(again).isNotEqualTo(doc);
        // a record is repeatable by round, each round once
        draft(caseId, "INQUIRY", 1);
        draft(caseId, "INQUIRY", 2);
        postJson("/api/v1/enforcement/cases/" + caseId + "/documents", "enforce1", "{\"type\":\"INQUIRY\",\"round\":2}")
                .andExpect(status().isConflict());
        postJson("/api/v1/enforcement/cases/" + caseId + "/documents", "enforce1", "{\"type\":\"INQUIRY\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("round"));
    }

    @Test
    void a_signer_outside_the_mapping_is_refused_and_nobody_signs_twice() throws Exception {
        long caseId = openCase();
        long doc = draft(caseId, "RECTIFICATION_ORDER", null);
        decide(doc, "enforce1", true).andExpect(status().isForbidden());
        decide(doc, "leader1", true).andExpect(jsonPath("$.nextLevel").value("DEPUTY"));
        decide(doc, "leader1", true).andExpect(status().isConflict());
        postJson("/api/v1/enforcement/cases/" + caseId + "/documents", "legal1", "{\"type\":\"INQUIRY\",\"round\":1}")
                .andExpect(status().isForbidden());
    }

    @Test
    void an_issued_document_is_a_docx_whose_sha256_is_in_the_audit_trail() throws Exception {
        long caseId = openCase();
        long doc = draft(caseId, "SITE_INSPECTION", 1);
        String body = mvc.perform(get("/api/v1/enforcement/documents/" + doc)
                        .header("Authorization", Api.bearer(mvc, "enforce1")))
                .andExpect(jsonPath("$.status").value("ISSUED"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String sha = JsonPath.read(body, "$.sha256");
        byte[] docx = mvc.perform(get("/api/v1/enforcement/documents/" + doc + "/docx")
                        .header("Authorization", Api.bearer(mvc, "enforce1")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        assertThat(EnforcementDocuments.sha256(docx)).isEqualTo(sha);
        try (XWPFDocument d = new XWPFDocument(new ByteArrayInputStream(docx));
                XWPFWordExtractor text = new XWPFWordExtractor(d)) {
            assertThat(text.getText()).contains("现场检查笔录", "11010519491231002X", "测试路2号");
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE entity_type = 'ENF_DOC' AND action = 'ISSUE'"
                                + " AND after_summary LIKE :sha")
                        .param("sha", "%" + sha + "%")
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void the_case_file_is_one_pdf_with_a_table_of_contents_and_a_section_per_issued_document() throws Exception {
        PdfFont.assumeInstalled();
        long caseId = openCase();
        draft(caseId, "SITE_INSPECTION", 1);
        draft(caseId, "INQUIRY", 1);
        String number = issuedNumber(caseId);
        draft(caseId, "FILING_APPROVAL", null); // still in approval: not in the file
        byte[] pdf = mvc.perform(get("/api/v1/enforcement/cases/" + caseId + "/dossier.pdf")
                        .header("Authorization", Api.bearer(mvc, "legal1")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        try (PDDocument d = Loader.loadPDF(pdf)) {
            String all = new PDFTextStripper().getText(d);
            assertThat(all).contains("卷内目录", "现场检查笔录", "询问笔录", "行政处罚决定书", number);
            assertThat(all).doesNotContain("立案审批表");
            assertThat(d.getDocumentCatalog().getDocumentOutline().children()).hasSize(3);
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE entity_type = 'ENF_CASE' AND action ="
                                + " 'DOSSIER_EXPORT' AND after_summary LIKE '3件 SHA-256 %'")
                        .query(Long.class)
                        .single())
                .isPositive();
    }

    @Test
    void a_document_ahead_of_its_stage_is_refused_naming_the_stage_the_document_and_the_article() throws Exception {
        long caseId = openCase();
        postJson("/api/v1/enforcement/cases/" + caseId + "/documents", "enforce1", "{\"type\":\"PRIOR_NOTICE\"}")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.field").value("type"))
                .andExpect(jsonPath("$.detail")
                        .value(org.hamcrest.Matchers.allOf(
                                org.hamcrest.Matchers.startsWith("《行政处罚法》第四十四条"),
                                org.hamcrest.Matchers.containsString("待立案"),
                                org.hamcrest.Matchers.containsString("行政处罚事先告知书"))));
        step(caseId, "FILE", "{}");
        step(caseId, "NOTIFY", "{\"tier\":\"MINOR\",\"fine\":50}");
        // the 陈述申辩 period runs and the party neither spoke nor waived: no 决定书 yet (第四十五条、第六十二条)
        postJson("/api/v1/enforcement/cases/" + caseId + "/documents", "enforce1", "{\"type\":\"DECISION\"}")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail")
                        .value(org.hamcrest.Matchers.allOf(
                                org.hamcrest.Matchers.containsString("第四十五条"),
                                org.hamcrest.Matchers.containsString("行政处罚决定书"))));
        // 50 yuan carries no hearing right: no 听证告知书
        postJson("/api/v1/enforcement/cases/" + caseId + "/documents", "enforce1", "{\"type\":\"HEARING_NOTICE\"}")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("第六十三条")));
        step(caseId, "WAIVE", "{\"note\":\"当事人书面放弃陈述申辩\"}");
        draft(caseId, "DECISION", null);
        // the 立案审批表 of the 立案 already taken may still be made (补制); the 结案审批表 not before 待结案
        draft(caseId, "FILING_APPROVAL", null);
        postJson("/api/v1/enforcement/cases/" + caseId + "/documents", "enforce1", "{\"type\":\"CLOSING_APPROVAL\"}")
                .andExpect(status().isConflict());
    }
}
