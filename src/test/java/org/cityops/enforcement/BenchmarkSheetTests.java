package org.cityops.enforcement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.cityops.support.Api;
import org.cityops.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/** The benchmark table goes out and comes back as .xlsx; a bad row refuses the whole file, naming row and column. */
@IntegrationTest
class BenchmarkSheetTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    byte[] export() throws Exception {
        return mvc.perform(get("/api/v1/enforcement/items.xlsx").header("Authorization", Api.bearer(mvc, "legal1")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
    }

    byte[] edited(byte[] xlsx, int rowIndex, String code, String max) throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet s = wb.getSheetAt(0);
            Row r = s.getRow(rowIndex);
            r.getCell(0).setCellValue(code);
            r.getCell(8).setCellValue(max);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            return out.toByteArray();
        }
    }

    @Test
    void an_exported_table_imports_back_and_an_upside_down_range_refuses_the_file() throws Exception {
        byte[] xlsx = export();
        mvc.perform(multipart("/api/v1/enforcement/items/import")
                        .file(new MockMultipartFile("file", "b.xlsx", "application/octet-stream", xlsx))
                        .header("Authorization", Api.bearer(mvc, "legal1")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items").value(3));
        long before = jdbc.sql("SELECT COUNT(*) FROM enf_violation_item")
                .query(Long.class)
                .single();
        // row 2 (Excel) becomes a new item whose maximum is below its minimum; row 3 stays valid
        byte[] bad = edited(xlsx, 1, "NEW-1", "1");
        mvc.perform(multipart("/api/v1/enforcement/items/import")
                        .file(new MockMultipartFile("file", "b.xlsx", "application/octet-stream", bad))
                        .header("Authorization", Api.bearer(mvc, "legal1")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.items").value(0))
                .andExpect(jsonPath("$.errors[0].row").value(2))
                .andExpect(jsonPath("$.errors[0].column").value("罚款下限(元)"));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM enf_violation_item")
                        .query(Long.class)
                        .single())
                .isEqualTo(before);
    }

    @Test
    void an_officer_may_not_import_the_table() throws Exception {
        mvc.perform(multipart("/api/v1/enforcement/items/import")
                        .file(new MockMultipartFile("file", "b.xlsx", "application/octet-stream", export()))
                        .header("Authorization", Api.bearer(mvc, "enforce1")))
                .andExpect(status().isForbidden());
    }
}
