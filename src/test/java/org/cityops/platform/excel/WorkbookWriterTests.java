package org.cityops.platform.excel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.PaneInformation;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class WorkbookWriterTests {

    private static XSSFWorkbook read(byte[] bytes) throws Exception {
        return new XSSFWorkbook(new ByteArrayInputStream(bytes));
    }

    private static byte[] oneSheet(SheetFill fill) {
        try (WorkbookWriter wb = new WorkbookWriter()) {
            fill.fill(wb.sheet("数据 data", List.of("名称", "数量", "日期")));
            return wb.toBytes();
        }
    }

    interface SheetFill {
        void fill(SheetWriter s);
    }

    @Test
    void theHeaderIsTheFirstRowBoldAndFrozen() throws Exception {
        try (XSSFWorkbook wb = read(oneSheet(s -> s.row("a", 1, null)))) {
            XSSFSheet sheet = wb.getSheet("数据 data");
            Row header = sheet.getRow(0);
            assertThat(header.getCell(0).getStringCellValue()).isEqualTo("名称");
            assertThat(header.getCell(2).getStringCellValue()).isEqualTo("日期");
            for (int c = 0; c < 3; c++) {
                assertThat(((XSSFCell) header.getCell(c))
                                .getCellStyle()
                                .getFont()
                                .getBold())
                        .isTrue();
            }
            PaneInformation pane = sheet.getPaneInformation();
            assertThat(pane.isFreezePane()).isTrue();
            assertThat(pane.getHorizontalSplitPosition()).isEqualTo((short) 1);
            assertThat(pane.getVerticalSplitPosition()).isEqualTo((short) 0);
            assertThat(sheet.getColumnWidth(0)).isEqualTo(SheetWriter.DEFAULT_WIDTH * 256);
        }
    }

    @Test
    void numbersAreNumericCellsAndTextStaysText() throws Exception {
        byte[] bytes = oneSheet(s -> s.row("0101", 42, new BigDecimal("2.50")).row("", 7L, 0.125));
        try (XSSFWorkbook wb = read(bytes)) {
            Sheet sheet = wb.getSheetAt(0);
            assertThat(sheet.getRow(1).getCell(0).getCellType()).isEqualTo(CellType.STRING);
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("0101");
            assertThat(sheet.getRow(1).getCell(1).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(sheet.getRow(1).getCell(1).getNumericCellValue()).isEqualTo(42.0);
            assertThat(sheet.getRow(1).getCell(2).getNumericCellValue()).isEqualTo(2.5);
            assertThat(sheet.getRow(2).getCell(0).getCellType()).isEqualTo(CellType.STRING);
            assertThat(sheet.getRow(2).getCell(0).getStringCellValue()).isEmpty();
            assertThat(sheet.getRow(2).getCell(2).getNumericCellValue()).isEqualTo(0.125);
        }
    }

    @Test
    void aNullLeavesTheCellOut() throws Exception {
        try (XSSFWorkbook wb = read(oneSheet(s -> s.row(null, 1, null)))) {
            Row row = wb.getSheetAt(0).getRow(1);
            assertThat(row.getCell(0)).isNull();
            assertThat(row.getCell(2)).isNull();
        }
    }

    @Test
    void datesAreIsoTextAndInstantsAreCityTimeText() throws Exception {
        // 2024-03-01T16:30Z is 2024-03-02 00:30 in Asia/Shanghai
        byte[] bytes = oneSheet(s -> s.row(LocalDate.of(2024, 3, 1), Instant.parse("2024-03-01T16:30:00Z"), true)
                .row(null, null, false));
        try (XSSFWorkbook wb = read(bytes)) {
            Row row = wb.getSheetAt(0).getRow(1);
            assertThat(row.getCell(0).getStringCellValue()).isEqualTo("2024-03-01");
            assertThat(row.getCell(1).getStringCellValue()).isEqualTo("2024-03-02 00:30");
            assertThat(row.getCell(2).getStringCellValue()).isEqualTo("是");
            assertThat(wb.getSheetAt(0).getRow(2).getCell(2).getStringCellValue())
                    .isEqualTo("否");
        }
    }

    @Test
    void whatTheWriterWritesReadsBackThroughTheUploadReader() {
        byte[] bytes = oneSheet(s -> s.row("甲", 3, LocalDate.of(2024, 1, 31)).row("乙", 4.5, null));
        try (UploadedWorkbook wb = UploadedWorkbook.open(new ByteArrayInputStream(bytes))) {
            SheetErrors errors = new SheetErrors();
            List<DataRow> rows = wb.firstSheet().dataRows(10);
            assertThat(rows).hasSize(2);
            assertThat(rows.get(0).text(0)).isEqualTo("甲");
            assertThat(rows.get(0).integer(1, "n", errors)).isEqualTo(3);
            assertThat(rows.get(0).date(2, "d", errors)).isEqualTo(LocalDate.of(2024, 1, 31));
            assertThat(rows.get(1).decimal(1, "n", errors)).isEqualByComparingTo("4.5");
            assertThat(errors.isEmpty()).isTrue();
        }
    }

    @Test
    void textColumnsAreFormattedAsTextAndWidthsAreAsGiven() throws Exception {
        byte[] bytes;
        try (WorkbookWriter wb = new WorkbookWriter()) {
            wb.sheet("说明").row("how to fill in").widths(60);
            wb.sheet("codes")
                    .text()
                    .header(List.of("编码", "名称"))
                    .widths(10, 30)
                    .wrap(1)
                    .row("007", "长名称");
            wb.activeSheet(1);
            bytes = wb.toBytes();
        }
        try (XSSFWorkbook wb = read(bytes)) {
            assertThat(wb.getActiveSheetIndex()).isEqualTo(1);
            XSSFSheet help = wb.getSheet("说明");
            assertThat(help.getPaneInformation()).isNull();
            assertThat(help.getColumnWidth(0)).isEqualTo(60 * 256);
            XSSFSheet codes = wb.getSheet("codes");
            assertThat(codes.getColumnWidth(0)).isEqualTo(10 * 256);
            assertThat(codes.getColumnWidth(1)).isEqualTo(30 * 256);
            assertThat(codes.getColumnStyle(0).getDataFormatString()).isEqualTo("@");
            assertThat(codes.getRow(0).getCell(0).getCellStyle().getDataFormatString())
                    .isEqualTo("@");
            assertThat(codes.getRow(1).getCell(0).getCellStyle().getDataFormatString())
                    .isEqualTo("@");
            assertThat(codes.getRow(1).getCell(0).getCellStyle().getWrapText()).isFalse();
            assertThat(codes.getRow(1).getCell(1).getCellStyle().getWrapText()).isTrue();
        }
    }

    @Test
    void aHeaderBelowTheFirstRowIsBoldButNotFrozen() throws Exception {
        byte[] bytes;
        try (WorkbookWriter wb = new WorkbookWriter()) {
            wb.sheet("help")
                    .lines("intro")
                    .blankRow()
                    .header(List.of("列", "说明"))
                    .row("a", "b");
            bytes = wb.toBytes();
        }
        try (XSSFWorkbook wb = read(bytes)) {
            XSSFSheet s = wb.getSheetAt(0);
            assertThat(s.getPaneInformation()).isNull();
            assertThat((Object) s.getRow(1)).isNull();
            assertThat(s.getRow(2).getCell(0).getCellStyle().getFont().getBold())
                    .isTrue();
            assertThat(s.getRow(3).getCell(1).getStringCellValue()).isEqualTo("b");
        }
    }

    @Test
    void aLargeSheetStreamsThroughATemporaryFileThatCloseDeletes() throws Exception {
        int rows = 20 * WorkbookWriter.WINDOW;
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"), "poifiles");
        List<String> before = sheetFiles(tmp);
        List<String> ours;
        byte[] bytes;
        try (WorkbookWriter wb = new WorkbookWriter()) {
            SheetWriter s = wb.sheet("big", List.of("n", "text"));
            for (int i = 0; i < rows; i++) {
                s.row(i, "row " + i);
            }
            ours = sheetFiles(tmp).stream().filter(f -> !before.contains(f)).toList();
            assertThat(ours)
                    .as("the sheet's rows go to a temporary file while writing")
                    .isNotEmpty();
            bytes = wb.toBytes();
        }
        assertThat(sheetFiles(tmp)).as("close deletes the temporary files").doesNotContainAnyElementsOf(ours);
        try (XSSFWorkbook wb = read(bytes)) {
            Sheet s = wb.getSheet("big");
            assertThat(s.getLastRowNum()).isEqualTo(rows);
            assertThat(s.getRow(rows).getCell(0).getNumericCellValue()).isEqualTo(rows - 1);
            assertThat(s.getRow(rows).getCell(1).getStringCellValue()).isEqualTo("row " + (rows - 1));
        }
    }

    private static List<String> sheetFiles(Path dir) throws Exception {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(Path::getFileName)
                    .map(Path::toString)
                    .filter(n -> n.startsWith("poi-sxssf-sheet"))
                    .toList();
        }
    }
}
