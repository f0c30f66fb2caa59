package org.cityops.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.cityops.catalog.internal.excel.CategoryWorkbook;
import org.cityops.catalog.internal.excel.RoutingWorkbook;
import org.cityops.support.Api;
import org.cityops.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

@IntegrationTest
class CatalogExcelTests {

    static final AtomicInteger SEQ = new AtomicInteger((int) (System.nanoTime() % 100000));

    @Autowired
    MockMvc mvc;

    @Autowired
    Catalog catalog;

    byte[] download(String user, String path) throws Exception {
        return mvc.perform(get(path).header(HttpHeaders.AUTHORIZATION, Api.bearer(mvc, user)))
                .andExpect(status().isOk())
                .andExpect(header().string(
                                "Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
    }

    ResultActions upload(String user, String path, byte[] xlsx) throws Exception {
        return mvc.perform(multipart(path)
                .file(new MockMultipartFile("file", "x.xlsx", null, xlsx))
                .header(HttpHeaders.AUTHORIZATION, Api.bearer(mvc, user)));
    }

    /** A categories workbook: rows of 10 category cells, and limit rows of 5 cells. */
    static byte[] categoriesWorkbook(List<String[]> categories, List<Object[]> limits) throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet c = wb.createSheet(CategoryWorkbook.CATEGORIES);
            c.createRow(0).createCell(0).setCellValue("header");
            int r = 1;
            for (String[] cells : categories) {
                Row row = c.createRow(r++);
                for (int i = 0; i < cells.length; i++) {
                    if (cells[i] != null) {
                        row.createCell(i).setCellValue(cells[i]);
                    }
                }
            }
            Sheet l = wb.createSheet(CategoryWorkbook.LIMITS);
            l.createRow(0).createCell(0).setCellValue("header");
            r = 1;
            for (Object[] cells : limits) {
                Row row = l.createRow(r++);
                for (int i = 0; i < cells.length; i++) {
                    if (cells[i] instanceof Number n) {
                        row.createCell(i).setCellValue(n.doubleValue());
                    } else {
                        row.createCell(i).setCellValue(String.valueOf(cells[i]));
                    }
                }
            }
            wb.write(out);
            return out.toByteArray();
        }
    }

    static byte[] routingWorkbook(List<String[]> rules) throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet s = wb.createSheet(RoutingWorkbook.RULES);
            s.createRow(0).createCell(0).setCellValue("header");
            int r = 1;
            for (String[] cells : rules) {
                Row row = s.createRow(r++);
                for (int i = 0; i < cells.length; i++) {
                    if (cells[i] != null) {
                        row.createCell(i).setCellValue(cells[i]);
                    }
                }
            }
            wb.write(out);
            return out.toByteArray();
        }
    }

    @Test
    void anExportedCatalogueImportsBackUnchanged() throws Exception {
        byte[] xlsx = download("dispatcher1", "/api/v1/catalog/excel/categories");
        CategoryWorkbook.Parsed parsed = CategoryWorkbook.read(new ByteArrayInputStream(xlsx));
        assertThat(parsed.errors()).isEmpty();
        assertThat(parsed.categories()).hasSizeGreaterThanOrEqualTo(413);
        assertThat(parsed.limits())
                .anyMatch(l -> l.qualifiedCode().equals("E06010")
                        && l.key().stage() == ProcessStage.HANDLE
                        && l.key().urgency() == Urgency.NORMAL
                        && l.limit().equals(new TimeLimit(Duration.ofHours(12), TimeBasis.NATURAL)));
        upload("admin", "/api/v1/catalog/excel/categories", xlsx)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.applied").value(true))
                .andExpect(jsonPath("$.created").value(0))
                .andExpect(jsonPath("$.updated").value(0))
                .andExpect(jsonPath("$.unchanged").value(parsed.categories().size()));
    }

    @Test
    void anImportCreatesCategoriesWithTheirLimits() throws Exception {
        String code = "XI" + SEQ.incrementAndGet();
        byte[] xlsx = categoriesWorkbook(
                List.<String[]>of(new String[] {"LOCAL", "事件", code, null, "导入的分类", "XI", "导入大类", "立案", "结案", "是"}),
                List.<Object[]>of(new Object[] {"LOCAL:E:" + code, "处置", "一般", 1.5, "自然时"}));
        upload("admin", "/api/v1/catalog/excel/categories", xlsx)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.created").value(1));
        CategoryView c = catalog.resolve("LOCAL:E:" + code).orElseThrow();
        assertThat(c.name()).isEqualTo("导入的分类");
        assertThat(catalog.limit(c.id(), ProcessStage.HANDLE, Urgency.NORMAL))
                .isEqualTo(new TimeLimit(Duration.ofMinutes(90), TimeBasis.NATURAL));
    }

    @Test
    void aNumericCodeTypedIntoExcelKeepsItsLeadingZero() throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet c = wb.createSheet(CategoryWorkbook.CATEGORIES);
            c.createRow(0);
            Row row = c.createRow(1);
            row.createCell(0).setCellValue("GB/T 47678.5");
            row.createCell(1).setCellValue("事件");
            row.createCell(2).setCellValue(6010); // typed as a number: 06010
            wb.write(out);
            CategoryWorkbook.Parsed parsed = CategoryWorkbook.read(new ByteArrayInputStream(out.toByteArray()));
            assertThat(parsed.categories().get(0).draft().code()).isEqualTo("06010");
        }
    }

    @Test
    void anImportWithOneBadRowChangesNothingAndNamesTheRow() throws Exception {
        String good = "XB" + SEQ.incrementAndGet();
        String good2 = "XB" + SEQ.incrementAndGet();
        byte[] xlsx = categoriesWorkbook(
                List.of(
                        new String[] {"LOCAL", "事件", good, null, "好的一行", "XB", "大类", null, null, "是"},
                        new String[] {"GB/T 47678.5", "事件", "123", null, "代码太短", null, "大类", null, null, "是"},
                        new String[] {"LOCAL", "东西", good2, null, "种类不对", "XB", "大类", null, null, "是"}),
                List.<Object[]>of(new Object[] {"LOCAL:E:" + good, "处置", "一般", -2, "自然时"}));
        upload("admin", "/api/v1/catalog/excel/categories", xlsx)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.length()").value(3))
                .andExpect(jsonPath("$.errors[?(@.sheet=='分类 categories')].row")
                        .value(org.hamcrest.Matchers.containsInAnyOrder(3, 4)))
                .andExpect(jsonPath("$.errors[?(@.sheet=='时限 limits')].row").value(2));
        assertThat(catalog.resolve("LOCAL:E:" + good)).isEmpty();
    }

    @Test
    void onlyAdministratorsImport() throws Exception {
        byte[] xlsx = download("admin", "/api/v1/catalog/excel/categories/template");
        upload("dispatcher1", "/api/v1/catalog/excel/categories", xlsx).andExpect(status().isForbidden());
        upload("admin", "/api/v1/catalog/excel/categories", "not a workbook".getBytes())
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("file"));
    }

    @Test
    void routingRulesImportAllOrNothingAndExportRoundTrips() throws Exception {
        String code = "XR" + SEQ.incrementAndGet();
        upload(
                        "admin",
                        "/api/v1/catalog/excel/categories",
                        categoriesWorkbook(
                                List.<String[]>of(
                                        new String[] {"LOCAL", "事件", code, null, "路由导入", "XR", "大类", null, null, "是"}),
                                List.of()))
                .andExpect(status().isOk());
        String q = "LOCAL:E:" + code;
        long id = catalog.resolve(q).orElseThrow().id();

        upload(
                        "admin",
                        "/api/v1/catalog/excel/routing",
                        routingWorkbook(List.of(
                                new String[] {q, "320402", null, "SZSS", null, "ok"},
                                new String[] {q, "320404", null, "NOPE", null, "bad department"})))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].row").value(3))
                .andExpect(jsonPath("$.errors[0].column").value("部门代码 department code"));
        assertThat(catalog.responsibleDepartment(id, "320402")).contains("QCGJ-320402");

        upload("admin", "/api/v1/catalog/excel/routing", routingWorkbook(List.<String[]>of(new String[] {
                    q, "320402", null, "SZSS", null, "ok"
                })))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.created").value(1));
        assertThat(catalog.responsibleDepartment(id, "320402001")).contains("SZSS");

        byte[] export = download("dispatcher1", "/api/v1/catalog/excel/routing");
        int rules =
                RoutingWorkbook.read(new ByteArrayInputStream(export)).rules().size();
        upload("admin", "/api/v1/catalog/excel/routing", export)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.unchanged").value(rules))
                .andExpect(jsonPath("$.created").value(0));
    }
}
