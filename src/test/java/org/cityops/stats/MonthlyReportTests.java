package org.cityops.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.cityops.geo.demo.DemoGrids;
import org.cityops.platform.CityClock;
import org.cityops.support.Api;
import org.cityops.support.IntegrationTest;
import org.cityops.support.OoxmlCheck;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** 数字城管月报: a Word document whose figures are the statistics API's for the same month and area. */
@IntegrationTest
class MonthlyReportTests {

    static final String TIANNING = "320402";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    private String leaderToken;

    /** leader1's token, asked for once per test (each login checks a bcrypt hash). */
    String leader() throws Exception {
        if (leaderToken == null) {
            leaderToken = Api.bearer(mvc, "leader1");
        }
        return leaderToken;
    }

    YearMonth thisMonth() {
        return YearMonth.now(CityClock.ZONE);
    }

    long reportAndFile() throws Exception {
        DemoGrids.KnownPoint p = DemoGrids.TIANNING;
        String json = """
                {"channel":"HOTLINE","categoryCode":"E09006","description":"月报测试 %s","lat":%s,"lon":%s,
                 "address":"测试路10号","urgency":"NORMAL","reporter":{"name":"赵六","phone":"13800000010"}}""".formatted(UUID.randomUUID(), p.lat(), p.lon());
        String res = mvc.perform(post("/api/v1/cases")
                        .header("Authorization", Api.bearer(mvc, "operator1"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        long id = ((Number) JsonPath.read(res, "$.id")).longValue();
        if ("PENDING_VERIFY".equals(JsonPath.read(res, "$.status"))) {
            act(id, "inspector1", "{\"action\":\"VERIFY\",\"note\":\"属实\"}");
        }
        act(id, "shiftlead1", "{\"action\":\"FILE\"}");
        return id;
    }

    void act(long id, String user, String json) throws Exception {
        mvc.perform(post("/api/v1/cases/" + id + "/transitions")
                        .header("Authorization", Api.bearer(mvc, user))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json))
                .andExpect(status().isOk());
    }

    long facts(long caseId) {
        return jdbc.sql("SELECT COUNT(*) FROM stats_case_fact WHERE case_id = :id AND measure IN ('REPORTED', 'FILED')")
                .param("id", caseId)
                .query(Long.class)
                .single();
    }

    byte[] docx(String query) throws Exception {
        return mvc.perform(get("/api/v1/stats/monthly-report.docx?" + query).header("Authorization", leader()))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", org.hamcrest.Matchers.startsWith("application/vnd.openxml")))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
    }

    /** The statistics API's totals for the month and area: 受理, 立案, 结案. */
    List<String> apiTotals(YearMonth m, String area) throws Exception {
        String res = mvc.perform(get("/api/v1/stats/cases?groupBy=district&area=" + area + "&from=" + m.atDay(1)
                                + "&to=" + m.atEndOfMonth())
                        .header("Authorization", leader()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return List.of(
                String.valueOf(JsonPath.<Number>read(res, "$.totals.counts.reported")),
                String.valueOf(JsonPath.<Number>read(res, "$.totals.counts.filed")),
                String.valueOf(JsonPath.<Number>read(res, "$.totals.counts.closed")));
    }

    /** 受理, 立案, 结案 of this month as the report's first table says. */
    static List<String> reportTotals(byte[] bytes) throws Exception {
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(bytes))) {
            XWPFTable totals = doc.getTables().get(0);
            return List.of(cell(totals, "受理"), cell(totals, "立案"), cell(totals, "结案"));
        }
    }

    static String cell(XWPFTable table, String rowLabel) {
        return table.getRows().stream()
                .filter(r -> r.getCell(0).getText().equals(rowLabel))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no row " + rowLabel))
                .getCell(1)
                .getText();
    }

    @Test
    void theReportsTotalsAreTheStatisticsApisForTheSameMonthAndArea() throws Exception {
        long id = reportAndFile();
        await().atMost(Duration.ofSeconds(20)).until(() -> facts(id) == 2);
        YearMonth m = thisMonth();
        String q = "month=" + m + "&area=" + TIANNING;
        // other cases' events may still be flowing in from the demo or other tests: compare a quiet moment
        await().atMost(Duration.ofSeconds(30)).until(() -> reportTotals(docx(q)).equals(apiTotals(m, TIANNING)));
        assertThat(Long.parseLong(reportTotals(docx(q)).get(0))).isPositive();
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx(q)))) {
            String text = String.join(
                    "\n",
                    doc.getParagraphs().stream().map(XWPFParagraph::getText).toList());
            assertThat(text)
                    .contains("天宁区数字城管月报（" + m.getYear() + "年" + m.getMonthValue() + "月）")
                    .contains("一、总体情况", "二、案件类别前十", "三、高发网格", "四、区考核排名", "五、超期未结案件");
            XWPFTable totals = doc.getTables().get(0);
            assertThat(totals.getRow(0).getCell(0).getText()).isEqualTo("指标");
            assertThat(totals.getRows().stream().map(r -> r.getCell(0).getText()))
                    .contains("结案率", "按期结案率");
            assertThat(doc.getAllPictures()).hasSizeGreaterThanOrEqualTo(2);
            assertThat(doc.getAllPictures().get(0).getData()).startsWith(0x89, 'P', 'N', 'G');
            XWPFTable categories = doc.getTables().get(1);
            assertThat(categories.getRows().stream().map(r -> r.getCell(1).getText()))
                    .anyMatch(name -> name.contains("/"));
        }
    }

    @Test
    void theOverdueListNamesTheCasesOverdueAndNotClosedAtTheMonthsEnd() throws Exception {
        YearMonth m = thisMonth().minusMonths(1);
        Instant due = m.atDay(3).atStartOfDay(CityClock.ZONE).toInstant();
        String open = "T-OVERDUE-" + UUID.randomUUID().toString().substring(0, 8);
        String closedInTime = "T-CLOSED-" + UUID.randomUUID().toString().substring(0, 8);
        overdue(-System.nanoTime(), open, due, null);
        overdue(
                -System.nanoTime(),
                closedInTime,
                due,
                m.atDay(20).atStartOfDay(CityClock.ZONE).toInstant());
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx("month=" + m + "&area=" + TIANNING)))) {
            XWPFTable list = doc.getTables().stream()
                    .filter(t -> t.getRow(0).getCell(0).getText().equals("案件编号"))
                    .findFirst()
                    .orElseThrow();
            List<String> numbers =
                    list.getRows().stream().map(r -> r.getCell(0).getText()).toList();
            assertThat(numbers).contains(open).doesNotContain(closedInTime);
        }
    }

    void overdue(long caseId, String number, Instant due, Instant closed) {
        jdbc.sql("INSERT INTO stats_overdue_case (case_id, case_number, due_at, overdue_at, closed_at, district_code, "
                        + "street_code, grid_code, category_code) VALUES (:id, :n, :due, :due, :closed, '320402', "
                        + "'320402001', '320402001001001', 'E09006')")
                .param("id", caseId)
                .param("n", number)
                .param("due", java.sql.Timestamp.from(due))
                .param("closed", closed == null ? null : java.sql.Timestamp.from(closed))
                .update();
    }

    @Test
    void aMalformedOrFutureMonthIsA400NamingMonthAndAnAreaOutsideTheScopeIsA403() throws Exception {
        String leader = leader();
        for (String bad : new String[] {
            "2026-13", "november", "", thisMonth().plusMonths(1).toString()
        }) {
            mvc.perform(get("/api/v1/stats/monthly-report.docx?month=" + bad).header("Authorization", leader))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.field").value("month"));
        }
        String user = "tn-leader-" + UUID.randomUUID().toString().substring(0, 8);
        mvc.perform(post("/api/v1/org/users")
                        .header("Authorization", Api.bearer(mvc, "admin"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                            {"username": "%s", "password": "%s", "displayName": "天宁区领导",
                             "roles": ["LEADER"], "scope": "DISTRICT", "orgUnitCode": "%s"}""".formatted(user, Api.DEMO_PASSWORD, TIANNING)))
                .andExpect(status().isCreated());
        String districtLeader = Api.bearer(mvc, user);
        mvc.perform(get("/api/v1/stats/monthly-report.docx?month=" + thisMonth() + "&area=" + TIANNING)
                        .header("Authorization", districtLeader))
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/stats/monthly-report.docx?month=" + thisMonth() + "&area=320411")
                        .header("Authorization", districtLeader))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.field").value("area"));
        mvc.perform(get("/api/v1/stats/monthly-report.docx?month=" + thisMonth())
                        .header("Authorization", Api.bearer(mvc, "muck1")))
                .andExpect(status().isForbidden());
    }

    @Test
    void theReportIsValidWordprocessingMlWithEveryRelationshipResolved() throws Exception {
        byte[] bytes = docx("month=" + thisMonth() + "&area=" + TIANNING);
        assertThat(OoxmlCheck.problems(bytes)).isEmpty();
    }

    @Test
    void theSchemaCheckRefusesADocumentWordWouldRepair() throws Exception {
        byte[] bytes = docx("month=" + thisMonth());
        byte[] badValue = rewrite(
                bytes,
                "word/document.xml",
                xml -> xml.replaceFirst("<w:body>", "<w:body><w:p><w:pPr><w:jc w:val=\"sideways\"/></w:pPr></w:p>"));
        assertThat(OoxmlCheck.problems(badValue)).anyMatch(p -> p.startsWith("/word/document.xml: "));
        byte[] badOrder = rewrite(
                bytes,
                "word/document.xml",
                xml -> xml.replaceFirst("<w:body>", "<w:body><w:p><w:r><w:t>x</w:t><w:rPr><w:b/></w:rPr></w:r></w:p>"));
        assertThat(OoxmlCheck.problems(badOrder)).isNotEmpty();
        byte[] lostImage =
                rewrite(bytes, "word/document.xml", xml -> xml.replaceAll("r:embed=\"[^\"]+\"", "r:embed=\"rId999\""));
        assertThat(OoxmlCheck.problems(lostImage)).isNotEmpty();
    }

    /** The same .docx with one part's XML changed. */
    static byte[] rewrite(byte[] docx, String part, java.util.function.UnaryOperator<String> change) throws Exception {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (var in = new java.util.zip.ZipInputStream(new ByteArrayInputStream(docx));
                var zip = new java.util.zip.ZipOutputStream(out)) {
            for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                byte[] data = in.readAllBytes();
                if (e.getName().equals(part)) {
                    String xml = new String(data, java.nio.charset.StandardCharsets.UTF_8);
                    String changed = change.apply(xml);
                    assertThat(changed).as("the change applies to " + part).isNotEqualTo(xml);
                    data = changed.getBytes(java.nio.charset.StandardCharsets.UTF_8);
                }
                zip.putNextEntry(new java.util.zip.ZipEntry(e.getName()));
                zip.write(data);
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    @Test
    void theReportOpensInLibreOfficeWhenItIsInstalled(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(
                Files.isExecutable(Path.of("/usr/bin/libreoffice")) || Files.isExecutable(Path.of("/usr/bin/soffice")),
                "LibreOffice is not installed: the conversion check is skipped");
        Path in = dir.resolve("report.docx");
        Files.write(in, docx("month=" + thisMonth()));
        Process p = new ProcessBuilder(
                        "libreoffice", "--headless", "--convert-to", "pdf", "--outdir", dir.toString(), in.toString())
                .redirectErrorStream(true)
                .start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isZero();
        assertThat(Files.size(dir.resolve("report.pdf"))).isPositive();
    }
}
