package org.cityops.platform.excel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class NamedHeaderTests {

    private static final List<String> HEADERS = List.of("名称", "数量", "备注");
    private static final List<String> REQUIRED = List.of("名称", "数量");

    @Test
    void theColumnsAreFoundByTheirHeaderInAnyOrderAndTheRowsBelowAreRead() throws Exception {
        byte[] xlsx = UploadedWorkbookTests.rows(null, new Object[] {"数量", "名称"}, new Object[] {3, "扫帚"});
        try (UploadedWorkbook wb = UploadedWorkbookTests.open(xlsx)) {
            NamedHeader header = NamedHeader.find(wb.firstSheet(), HEADERS, REQUIRED);
            assertThat(header.problem()).isEmpty();
            assertThat(header.row().number()).isEqualTo(2);
            List<DataRow> rows = header.rowsBelow(10);
            assertThat(rows).hasSize(1);
            assertThat(rows.get(0).number()).isEqualTo(3);
            assertThat(rows.get(0).text(header.columns().of("名称"))).isEqualTo("扫帚");
            assertThat(header.columns().of("备注")).isNull();
        }
    }

    @Test
    void aSheetWithoutAHeaderIsRefusedAsTheFileAtRowZero() throws Exception {
        byte[] xlsx = UploadedWorkbookTests.xlsx(sheet -> {});
        try (UploadedWorkbook wb = UploadedWorkbookTests.open(xlsx)) {
            SheetError p = NamedHeader.find(wb.firstSheet(), HEADERS, REQUIRED)
                    .problem()
                    .orElseThrow();
            assertThat(p.row()).isZero();
            assertThat(p.column()).isEqualTo("file");
            assertThat(p.message()).isEqualTo(NamedHeader.NO_HEADER);
        }
    }

    @Test
    void missingRequiredColumnsAreOneProblemAtTheHeaderRowNamingThemAll() throws Exception {
        byte[] xlsx = UploadedWorkbookTests.rows(new Object[] {"备注"});
        try (UploadedWorkbook wb = UploadedWorkbookTests.open(xlsx)) {
            SheetError p = NamedHeader.find(wb.firstSheet(), HEADERS, REQUIRED)
                    .problem()
                    .orElseThrow();
            assertThat(p.row()).isEqualTo(1);
            assertThat(p.column()).isEqualTo("header");
            assertThat(p.message()).isEqualTo("缺少列 missing columns [名称, 数量]");
            SheetError named = NamedHeader.findNamingMissing(wb.firstSheet(), HEADERS, REQUIRED)
                    .problem()
                    .orElseThrow();
            assertThat(named.column()).isEqualTo("名称");
        }
    }
}
