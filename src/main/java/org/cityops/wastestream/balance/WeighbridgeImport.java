package org.cityops.wastestream.balance;

import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.cityops.org.StaffMember;
import org.cityops.platform.CityClock;
import org.cityops.platform.excel.DataRow;
import org.cityops.platform.excel.HeaderColumns;
import org.cityops.platform.excel.NamedHeader;
import org.cityops.platform.excel.SheetError;
import org.cityops.platform.excel.SheetErrors;
import org.cityops.platform.excel.UploadedSheet;
import org.cityops.platform.excel.UploadedWorkbook;
import org.cityops.wastestream.RowError;
import org.springframework.stereotype.Service;

/**
 * The plant's weighbridge receipts from a workbook (the plant's 计量系统 export): the same rules as the API, all or
 * nothing, each problem named by its Excel row and column.
 */
@Service
public class WeighbridgeImport {

    public static final List<String> HEADERS = List.of("磅单号", "车牌号", "进场时间", "出场时间", "毛重(千克)", "皮重(千克)", "净重(千克)");

    static final Map<String, String> COLUMN_OF = Map.of(
            "receiptNo", "磅单号",
            "plate", "车牌号",
            "inAt", "进场时间",
            "outAt", "出场时间",
            "grossKg", "毛重(千克)",
            "tareKg", "皮重(千克)",
            "netKg", "净重(千克)");

    static final int MAX_ROWS = 50_000;

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd H:mm[:ss]");

    private final Balances balances;

    WeighbridgeImport(Balances balances) {
        this.balances = balances;
    }

    public Balances.ReceiptReport importXlsx(InputStream in, StaffMember me) {
        List<RowError> errors = new ArrayList<>();
        List<ReceiptDraft> drafts = new ArrayList<>();
        List<Integer> rows = new ArrayList<>();
        try (UploadedWorkbook wb = UploadedWorkbook.open(in, UploadedWorkbook.Limits.DEFAULT)) {
            UploadedSheet sheet = wb.firstSheet();
            NamedHeader header = NamedHeader.findNamingMissing(sheet, HEADERS, HEADERS);
            if (header.problem().isPresent()) {
                SheetError p = header.problem().get();
                return new Balances.ReceiptReport(0, 0, List.of(RowError.of(p)));
            }
            HeaderColumns<String> cols = header.columns();
            SheetErrors sheetErrors = new SheetErrors();
            for (DataRow r : header.rowsBelow(MAX_ROWS)) {
                drafts.add(new ReceiptDraft(
                        r.textOrNull(cols.of("磅单号")),
                        r.textOrNull(cols.of("车牌号")),
                        time(r, cols.of("进场时间"), "进场时间", errors),
                        time(r, cols.of("出场时间"), "出场时间", errors),
                        r.decimal(cols.of("毛重(千克)"), "毛重(千克)", sheetErrors),
                        r.decimal(cols.of("皮重(千克)"), "皮重(千克)", sheetErrors),
                        r.decimal(cols.of("净重(千克)"), "净重(千克)", sheetErrors)));
                rows.add(r.number());
            }
            errors.addAll(sheetErrors.map(RowError::of));
        }
        if (drafts.isEmpty() && errors.isEmpty()) {
            return new Balances.ReceiptReport(0, 0, List.of(new RowError(0, "file", "文件中没有数据行 no data rows")));
        }
        if (!errors.isEmpty()) {
            // a cell of the wrong type: those rows' other fields are not checked (the missing value would be named)
            errors.sort(Comparator.comparingInt(RowError::row));
            return new Balances.ReceiptReport(0, 0, errors);
        }
        Balances.ReceiptReport r = balances.submitReceipts(drafts, me);
        if (r.errors().isEmpty()) {
            return r;
        }
        return new Balances.ReceiptReport(
                0,
                0,
                r.errors().stream()
                        .map(e -> new RowError(
                                rows.get(e.row() - 1), COLUMN_OF.getOrDefault(e.field(), e.field()), e.message()))
                        .toList());
    }

    private static Instant time(DataRow r, int column, String name, List<RowError> errors) {
        String text = r.textOrNull(column);
        if (text == null) {
            return null;
        }
        try {
            return LocalDateTime.parse(text.trim(), TIME).atZone(CityClock.ZONE).toInstant();
        } catch (DateTimeParseException e) {
            errors.add(new RowError(r.number(), name, "时间格式应为 yyyy-MM-dd HH:mm time must be yyyy-MM-dd HH:mm"));
            return null;
        }
    }
}
