package org.cityops.wastestream;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import org.cityops.platform.excel.SheetWriter;
import org.cityops.platform.excel.WorkbookWriter;
import org.cityops.support.Api;
import org.cityops.support.IntegrationTest;
import org.cityops.wastestream.balance.WeighbridgeImport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** The plant's weighbridge workbook: all or nothing, problems named by Excel row and column, idempotent. */
@IntegrationTest
class WeighbridgeImportTests {

    @Autowired
    MockMvc mvc;

    ResultActions upload(byte[] xlsx) throws Exception {
        return mvc.perform(multipart("/api/v1/wastestream/weighbridge/import")
                .file(new MockMultipartFile("file", "wb.xlsx", null, xlsx))
                .header("Authorization", Api.bearer(mvc, "sanitation1")));
    }

    static byte[] workbook(List<List<Object>> rows) {
        try (WorkbookWriter wb = new WorkbookWriter()) {
            SheetWriter s = wb.sheet("计量", WeighbridgeImport.HEADERS);
            rows.forEach(s::row);
            return wb.toBytes();
        }
    }

    @Test
    void a_workbook_with_an_unknown_plate_and_a_wrong_net_stores_nothing_and_names_row_and_column() throws Exception {
        String day = LocalDate.now().minusDays(2).toString();
        String n = "WBX-" + System.nanoTime();
        byte[] bad = workbook(List.of(
                List.of(n + "-1", "苏D·C0001", day + " 17:30", day + " 17:36", "9800", "9000", "800"),
                List.of(n + "-2", "苏E99999", day + " 17:40", day + " 17:46", "9800", "9000", "800"),
                List.of(n + "-3", "苏D·C0002", day + " 17:50", day + " 17:56", "9800", "9000", "700")));
        upload(bad)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.accepted").value(0))
                .andExpect(
                        jsonPath("$.errors[?(@.row == 3 && @.field == '车牌号')]").exists())
                .andExpect(jsonPath("$.errors[?(@.row == 4 && @.field == '净重(千克)')]")
                        .exists());
        byte[] good =
                workbook(List.of(List.of(n + "-1", "苏D·C0001", day + " 17:30", day + " 17:36", "9800", "9000", "800")));
        upload(good).andExpect(status().isOk()).andExpect(jsonPath("$.accepted").value(1));
        upload(good)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.accepted").value(0))
                .andExpect(jsonPath("$.duplicates").value(1));
    }

    @Test
    void a_workbook_without_the_receipt_column_is_refused_naming_it() throws Exception {
        byte[] xlsx;
        try (WorkbookWriter wb = new WorkbookWriter()) {
            wb.sheet("x", List.of("车牌号", "净重(千克)")).row("苏D·C0001", "800");
            xlsx = wb.toBytes();
        }
        upload(xlsx)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("磅单号"));
    }

    @Test
    void a_time_that_is_not_a_time_is_named_by_its_column() throws Exception {
        byte[] xlsx = workbook(List.of(List.of("WBT-1", "苏D·C0001", "昨天下午", "2026-01-01 10:00", "1", "1", "0")));
        upload(xlsx)
                .andExpect(status().isBadRequest())
                .andExpect(
                        jsonPath("$.errors[?(@.row == 2 && @.field == '进场时间')]").exists());
    }
}
