package org.cityops.rectification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.cityops.support.Api;
import org.cityops.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** The seed report's ledger: import, counts, order, statuses 12/15/16 and the report built from it. */
@IntegrationTest
class SeedLedgerTests {

    @Autowired
    MockMvc mvc;

    static byte[] seed() throws Exception {
        return new ClassPathResource("rectification/seed-rectification.json").getContentAsByteArray();
    }

    static List<String> fixtureProblemTitles() throws Exception {
        List<String> titles =
                JsonPath.read(new String(seed(), StandardCharsets.UTF_8), "$.categories[*].problems[*].title");
        return titles;
    }

    long importSeed() throws Exception {
        String body = mvc.perform(post("/api/v1/rectification/inspections/import")
                        .header("Authorization", Api.bearer(mvc, "rectify1"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(seed()))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.categories").value(8))
                .andExpect(jsonPath("$.problems").value(43))
                .andExpect(jsonPath("$.measures").value(115))
                .andReturn()
                .getResponse()
                .getContentAsString();
        return ((Number) JsonPath.read(body, "$.inspectionId")).longValue();
    }

    @Test
    void theSeedFixtureImportsAsEightCategoriesFortyThreeProblemsAnd115MeasuresInTheSourcesOrder() throws Exception {
        long id = importSeed();
        mvc.perform(get("/api/v1/rectification/inspections/" + id + "/summary")
                        .header("Authorization", Api.bearer(mvc, "leader1")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.categories").value(8))
                .andExpect(jsonPath("$.problems").value(43))
                .andExpect(jsonPath("$.measures").value(115))
                .andExpect(jsonPath("$.problemsByStatus.NOT_STARTED").value(43))
                .andExpect(jsonPath("$.problemsByStatus.RECTIFIED").value(0));
        String problems = mvc.perform(get("/api/v1/rectification/inspections/" + id + "/problems")
                        .header("Authorization", Api.bearer(mvc, "leader1")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        List<String> titles = JsonPath.read(problems, "$[*].title");
        List<Integer> numbers = JsonPath.read(problems, "$[*].number");
        assertThat(titles).containsExactlyElementsOf(fixtureProblemTitles());
        assertThat(numbers)
                .containsExactlyElementsOf(
                        java.util.stream.IntStream.rangeClosed(1, 43).boxed().toList());
        List<String> firstMeasures = JsonPath.read(problems, "$[0].measures[*].title");
        assertThat(firstMeasures).containsExactly("完善考评机制", "完善考核标准体系", "呼应民生诉求");
        assertThat((Integer) JsonPath.read(problems, "$[6].category.seq")).isEqualTo(1);
        assertThat((String) JsonPath.read(problems, "$[8].category.numeral")).isEqualTo("二");
    }

    @Test
    void theReportFromTheSeedWithStatuses12And15And16ReadsLikeTheSeed() throws Exception {
        long id = importSeed();
        String problems = mvc.perform(get("/api/v1/rectification/inspections/" + id + "/problems")
                        .header("Authorization", Api.bearer(mvc, "leader1")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        List<Integer> ids = JsonPath.read(problems, "$[*].id");
        for (int i = 0; i < ids.size(); i++) {
            String status = i < 12 ? "RECTIFIED" : i < 27 ? "SIGNIFICANT_PROGRESS" : "INITIAL_PROGRESS";
            mvc.perform(put("/api/v1/rectification/problems/" + ids.get(i) + "/status")
                            .header("Authorization", Api.bearer(mvc, "leader1"))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"status\":\"" + status + "\",\"justification\":\"按整改报告核定\"}"))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.status").value(status));
        }
        mvc.perform(get("/api/v1/rectification/inspections/" + id + "/summary")
                        .header("Authorization", Api.bearer(mvc, "leader1")))
                .andExpect(jsonPath("$.problemsByStatus.RECTIFIED").value(12))
                .andExpect(jsonPath("$.problemsByStatus.SIGNIFICANT_PROGRESS").value(15))
                .andExpect(jsonPath("$.problemsByStatus.INITIAL_PROGRESS").value(16))
                .andExpect(jsonPath("$.problemsByStatus.NOT_STARTED").value(0));

        byte[] docx = mvc.perform(get("/api/v1/rectification/inspections/" + id + "/report.docx")
                        .header("Authorization", Api.bearer(mvc, "leader1")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        String text;
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx));
                XWPFWordExtractor ex = new XWPFWordExtractor(doc)) {
            text = ex.getText();
        }
        assertReadsLikeTheSeed(text);
        assertWellFormedParts(docx);

        String html = mvc.perform(get("/api/v1/rectification/inspections/" + id + "/report.html")
                        .header("Authorization", Api.bearer(mvc, "rectify1")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertReadsLikeTheSeed(html.replace("&ldquo;", "“")
                .replace("&rdquo;", "”")
                .replace("&lsquo;", "‘")
                .replace("&rsquo;", "’"));
    }

    private void assertReadsLikeTheSeed(String text) throws Exception {
        assertThat(text).contains("市城管局落实巡察“回头看”反馈意见整改情况报告");
        assertThat(text).contains("对巡察反馈的43条问题列出了115条整改措施");
        assertThat(text).contains("43条问题中有12条问题已整改到位、15条问题已取得明显成效、16条问题取得初步成效");
        assertThat(text).contains("(一)关于“对2016年巡察反馈问题整改不够全面彻底,部分问题反弹回潮”问题的整改");
        assertThat(text).contains("1.关于“党组管全局抓大事还不到位”的问题");
        assertThat(text).contains("完善考评机制。修改完善《市政府关于进一步完善常州市城市长效综合管理考核工作的实施意见》");
        int at = 0;
        for (String title : fixtureProblemTitles()) {
            int found = text.indexOf(title, at);
            assertThat(found).as("problem title in order: " + title).isGreaterThanOrEqualTo(0);
            at = found + title.length();
        }
        assertThat(text.indexOf("三、下一步工作")).isGreaterThan(at);
    }

    /** Every XML part of the package parses: what Word's "repair" prompt would complain about first. */
    static void assertWellFormedParts(byte[] docx) throws Exception {
        List<String> checked = new ArrayList<>();
        var factory = javax.xml.parsers.DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        try (var zip = new java.util.zip.ZipInputStream(new ByteArrayInputStream(docx))) {
            for (var entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (entry.getName().endsWith(".xml") || entry.getName().endsWith(".rels")) {
                    byte[] part = zip.readAllBytes();
                    factory.newDocumentBuilder().parse(new ByteArrayInputStream(part));
                    checked.add(entry.getName());
                }
            }
        }
        assertThat(checked).contains("[Content_Types].xml", "word/document.xml", "_rels/.rels");
        try (OPCPackage pkg = OPCPackage.open(new ByteArrayInputStream(docx))) {
            for (PackagePart part : pkg.getParts()) {
                assertThat(part.getContentType()).isNotBlank();
            }
        }
    }

    @Test
    void aStatusOverrideNeedsAJustificationAndALeader() throws Exception {
        long id = importSeed();
        String problems = mvc.perform(get("/api/v1/rectification/inspections/" + id + "/problems")
                        .header("Authorization", Api.bearer(mvc, "leader1")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        int pid = JsonPath.read(problems, "$[0].id");
        mvc.perform(put("/api/v1/rectification/problems/" + pid + "/status")
                        .header("Authorization", Api.bearer(mvc, "leader1"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"status\":\"RECTIFIED\",\"justification\":\"\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("justification"));
        mvc.perform(put("/api/v1/rectification/problems/" + pid + "/status")
                        .header("Authorization", Api.bearer(mvc, "handler-hwc"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"status\":\"RECTIFIED\",\"justification\":\"x\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(put("/api/v1/rectification/problems/" + pid + "/status")
                        .header("Authorization", Api.bearer(mvc, "leader1"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"status\":\"DONE\",\"justification\":\"x\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("status"));
        mvc.perform(put("/api/v1/rectification/problems/" + pid + "/status")
                        .header("Authorization", Api.bearer(mvc, "leader1"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"status\":\"SIGNIFICANT_PROGRESS\",\"justification\":\"专题会议认定\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("SIGNIFICANT_PROGRESS"))
                .andExpect(jsonPath("$.derivedStatus").value("NOT_STARTED"))
                .andExpect(jsonPath("$.override.justification").value("专题会议认定"))
                .andExpect(jsonPath("$.override.by").value("leader1"));
        mvc.perform(get("/api/v1/rectification/problems/" + pid).header("Authorization", Api.bearer(mvc, "leader1")))
                .andExpect(jsonPath("$.history[0].kind").value("OVERRIDE"))
                .andExpect(jsonPath("$.history[0].text").value("专题会议认定"));
        Map<?, ?> unused = Map.of();
        assertThat(unused).isEmpty();
    }
}
