package org.cityops.platform.excel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.cityops.platform.InvalidInputException;
import org.junit.jupiter.api.Test;

class UploadedWorkbookTests {

    /** A workbook with one sheet "s" built by the given code. */
    static byte[] xlsx(Consumer<Sheet> fill) throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            fill.accept(wb.createSheet("s"));
            wb.write(out);
            return out.toByteArray();
        }
    }

    /** A sheet "s" of the given rows (strings and numbers; null leaves the cell out). */
    static byte[] rows(Object[]... rows) throws Exception {
        return xlsx(sheet -> {
            for (int r = 0; r < rows.length; r++) {
                if (rows[r] == null) {
                    continue;
                }
                Row row = sheet.createRow(r);
                for (int c = 0; c < rows[r].length; c++) {
                    Object v = rows[r][c];
                    if (v instanceof Number n) {
                        row.createCell(c).setCellValue(n.doubleValue());
                    } else if (v instanceof Boolean b) {
                        row.createCell(c).setCellValue(b);
                    } else if (v != null) {
                        row.createCell(c).setCellValue(v.toString());
                    }
                }
            }
        });
    }

    static UploadedWorkbook open(byte[] bytes) {
        return UploadedWorkbook.open(new ByteArrayInputStream(bytes));
    }

    static void refusedAsFile(byte[] bytes, String message) {
        assertThatThrownBy(() -> open(bytes)).isInstanceOfSatisfying(InvalidInputException.class, e -> {
            assertThat(e.field()).isEqualTo("file");
            assertThat(e.getMessage()).contains(message);
        });
    }

    @Test
    void whatIsNotAWorkbookIsRefusedAsTheFileWithAClearMessage() throws Exception {
        refusedAsFile("编码,名称\n320402,天宁区\n".getBytes(StandardCharsets.UTF_8), "not an .xlsx file");
        refusedAsFile(new byte[] {'P', 'K', 3, 4, 0, 0, 1}, "not an .xlsx file");
        byte[] good = rows(new Object[] {"a"});
        refusedAsFile(Arrays.copyOf(good, good.length / 2), "not an .xlsx file");
        refusedAsFile(new byte[0], "文件为空");
    }

    @Test
    void aFileLargerThanTheLimitIsRefusedBeforeItIsParsed() throws Exception {
        byte[] bytes = rows(new Object[] {"header"}, new Object[] {"x".repeat(2000)});
        var limits = new UploadedWorkbook.Limits(bytes.length - 1, 1L << 20, 100);
        assertThatThrownBy(() -> UploadedWorkbook.open(new ByteArrayInputStream(bytes), limits))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("larger than " + (bytes.length - 1) + " B");
        assertThat(UploadedWorkbook.open(
                                new ByteArrayInputStream(bytes),
                                new UploadedWorkbook.Limits(bytes.length, 1L << 20, 100))
                        .firstSheet()
                        .dataRows(10))
                .hasSize(1);
    }

    @Test
    void aWorkbookThatUnpacksBeyondTheLimitIsRefused() throws Exception {
        // a million identical characters pack into a few kilobytes
        byte[] bomb =
                rows(new Object[] {"header"}, new Object[] {"x".repeat(32_000)}, new Object[] {"y".repeat(32_000)});
        assertThat(bomb.length).isLessThan(20_000);
        var limits = new UploadedWorkbook.Limits(1L << 20, 50_000, 100);
        assertThatThrownBy(() -> UploadedWorkbook.open(new ByteArrayInputStream(bomb), limits))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("file");
                    assertThat(e.getMessage()).contains("unpacks to more than 50000 B");
                });
    }

    @Test
    void aSheetWithMoreRowsThanTheLimitIsRefusedButBlankRowsDoNotCount() throws Exception {
        byte[] bytes = rows(
                new Object[] {"header"}, new Object[] {"1"}, new Object[] {""}, null, new Object[] {"2"}, new Object[] {
                    "3"
                });
        try (UploadedWorkbook wb = open(bytes)) {
            assertThat(wb.firstSheet().dataRows(3)).hasSize(3);
            assertThatThrownBy(() -> wb.firstSheet().dataRows(2))
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                        assertThat(e.field()).isEqualTo("file");
                        assertThat(e.getMessage()).contains("sheet 's' has more than 2 rows");
                    });
        }
    }

    @Test
    void dataRowsCarryTheirExcelRowNumbersAndBlankRowsAreLeftOut() throws Exception {
        byte[] bytes =
                rows(new Object[] {"header"}, new Object[] {"a"}, new Object[] {" ", null, ""}, null, new Object[] {
                    null, null, "c"
                });
        try (UploadedWorkbook wb = open(bytes)) {
            List<DataRow> rows = wb.firstSheet().dataRows(UploadedWorkbook.MAX_ROWS);
            assertThat(rows).extracting(DataRow::number).containsExactly(2, 5);
            assertThat(rows.get(1).text(2)).isEqualTo("c");
            assertThat(rows.get(1).text(0)).isEmpty();
            assertThat(rows.get(1).textOrNull(0)).isNull();
            assertThat(rows.get(1).text(99)).isEmpty();
        }
    }

    @Test
    void anEmptySheetHasNoHeaderAndNoRows() throws Exception {
        try (UploadedWorkbook wb = open(xlsx(sheet -> sheet.createRow(0)))) {
            UploadedSheet s = wb.sheet("s").orElseThrow();
            assertThat(s.header()).isEmpty();
            assertThat(s.dataRows(10)).isEmpty();
            assertThat(wb.sheet("nope")).isEmpty();
        }
    }

    @Test
    void theHeaderIsTheFirstNonBlankRowAndColumnsAreFoundByName() throws Exception {
        byte[] bytes = rows(
                null, new Object[] {" "}, new Object[] {"名称 *", "code", "颜色", "Name"}, new Object[] {"天宁区", 320402, "红"
                });
        try (UploadedWorkbook wb = open(bytes)) {
            UploadedSheet s = wb.firstSheet();
            DataRow header = s.header().orElseThrow();
            HeaderColumns<String> cols = HeaderColumns.match(
                    header, Map.of("名称", "name", "name", "name", "编码", "code", "Code", "code", "层级", "kind"));
            assertThat(cols.row()).isEqualTo(3);
            assertThat(cols.of("name")).isZero();
            assertThat(cols.of("code")).isEqualTo(1);
            assertThat(cols.unknown()).containsExactly("颜色");
            assertThat(cols.duplicates()).containsExactly("Name");
            assertThat(cols.missing(List.of("code", "kind", "name"))).containsExactly("kind");
            DataRow data = s.dataRowsBelow(header, 10).get(0);
            assertThat(data.number()).isEqualTo(4);
            assertThat(data.text(cols.of("code"))).isEqualTo("320402");
        }
    }

    @Test
    void aPasswordProtectedWorkbookIsRefusedAsSuch() throws Exception {
        byte[] plain = rows(new Object[] {"header"}, new Object[] {"secret"});
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            Encryptor enc = new EncryptionInfo(EncryptionMode.agile).getEncryptor();
            enc.confirmPassword("cityops");
            try (OPCPackage opc = OPCPackage.open(new ByteArrayInputStream(plain));
                    java.io.OutputStream os = enc.getDataStream(fs)) {
                opc.save(os);
            }
            fs.writeFilesystem(out);
        }
        refusedAsFile(out.toByteArray(), "password-protected");
    }

    @Test
    void cellsReadAsTheUserTypedThem() throws Exception {
        byte[] bytes = xlsx(sheet -> {
            Row row = sheet.createRow(1);
            row.createCell(0).setCellValue(13951230001d); // a phone number typed as a number
            row.createCell(1).setCellValue(6010); // a code typed as a number
            row.createCell(2).setCellValue(1.5);
            CellStyle date = sheet.getWorkbook().createCellStyle();
            date.setDataFormat(
                    sheet.getWorkbook().getCreationHelper().createDataFormat().getFormat("yyyy/m/d"));
            row.createCell(3).setCellValue(LocalDate.of(2028, 12, 31));
            row.getCell(3).setCellStyle(date);
            row.createCell(4).setCellValue(true);
            row.createCell(5).setCellFormula("1+2");
            row.createCell(6).setCellValue("  前后有空格\u3000 ");
        });
        try (UploadedWorkbook wb = open(bytes)) {
            DataRow row = wb.firstSheet().dataRows(10).get(0);
            assertThat(row.text(0)).isEqualTo("13951230001");
            assertThat(row.text(1)).isEqualTo("6010");
            assertThat(row.isNumber(1)).isTrue();
            assertThat(row.text(2)).isEqualTo("1.5");
            assertThat(row.text(3)).isEqualTo("2028-12-31");
            assertThat(row.text(4)).isEqualTo("是");
            assertThat(row.isFormula(5)).isTrue();
            assertThat(row.text(6)).isEqualTo("前后有空格");
        }
    }

    @Test
    void typedCellsOfTheWrongKindAreRowErrorsAndBlankCellsAreNull() throws Exception {
        byte[] bytes = rows(
                new Object[] {"header"},
                new Object[] {"12", "12.5", "3.25", "2028-12-31", "是", "停用"},
                new Object[] {"十二", "", "many", "2028/12/31", "也许"});
        try (UploadedWorkbook wb = open(bytes)) {
            List<DataRow> rows = wb.firstSheet().dataRows(10);
            SheetErrors errors = new SheetErrors();
            DataRow good = rows.get(0);
            assertThat(good.integer(0, "count", errors)).isEqualTo(12);
            assertThat(good.decimal(2, "load", errors)).isEqualByComparingTo(new BigDecimal("3.25"));
            assertThat(good.date(3, "until", errors)).isEqualTo(LocalDate.of(2028, 12, 31));
            assertThat(good.bool(4, "active", errors)).isTrue();
            assertThat(good.bool(5, "active", errors)).isFalse();
            assertThat(errors.isEmpty()).isTrue();
            assertThat(good.integer(1, "count", errors)).isNull();

            DataRow bad = rows.get(1);
            assertThat(bad.integer(0, "count", errors)).isNull();
            assertThat(bad.integer(1, "count", errors)).isNull();
            assertThat(bad.decimal(2, "load", errors)).isNull();
            assertThat(bad.date(3, "until", errors)).isNull();
            assertThat(bad.bool(4, "active", errors)).isNull();
            assertThat(bad.bool(9, "active", errors)).isNull();
            assertThat(errors.list())
                    .containsExactly(
                            new SheetError("s", 2, "count", "应为整数 must be a whole number"),
                            new SheetError("s", 3, "count", "应为整数 must be a whole number"),
                            new SheetError("s", 3, "load", "应为数字 must be a number"),
                            new SheetError("s", 3, "until", "日期格式应为 yyyy-MM-dd date must be yyyy-MM-dd"),
                            new SheetError("s", 3, "active", "应为 是 或 否 must be 是 or 否"));
        }
    }

    record ModuleError(int row, String field, String message) {}

    @Test
    void collectedErrorsComeOutInTheImportersOwnShape() {
        SheetErrors errors = new SheetErrors();
        errors.add("s", 4, "plateColor", "应为整数 must be a whole number");
        errors.add("s", null, null, "缺少工作表 missing sheet");
        assertThat(errors.size()).isEqualTo(2);
        assertThat(errors.map(e -> new ModuleError(e.row() == null ? 0 : e.row(), e.column(), e.message())))
                .containsExactly(
                        new ModuleError(4, "plateColor", "应为整数 must be a whole number"),
                        new ModuleError(0, null, "缺少工作表 missing sheet"));
    }
}
