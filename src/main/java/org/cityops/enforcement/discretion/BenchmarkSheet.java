package org.cityops.enforcement.discretion;

import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cityops.platform.excel.DataRow;
import org.cityops.platform.excel.HeaderColumns;
import org.cityops.platform.excel.NamedHeader;
import org.cityops.platform.excel.SheetError;
import org.cityops.platform.excel.SheetErrors;
import org.cityops.platform.excel.SheetWriter;
import org.cityops.platform.excel.UploadedSheet;
import org.cityops.platform.excel.UploadedWorkbook;
import org.cityops.platform.excel.WorkbookWriter;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The discretion benchmark table as .xlsx, one row per item and tier (编码 … 罚款上限). The import is all or nothing:
 * every row is read and every item's table checked; nothing is saved unless no row has a problem, and each problem
 * names its row and column.
 */
@Service
public class BenchmarkSheet {

    /** A problem of an import: Excel row number (0 for the file) and column. */
    public record RowError(int row, String column, String message) {}

    public record ImportReport(int items, List<RowError> errors) {}

    static final List<String> HEADERS =
            List.of("编码", "违法行为", "违反条款", "处罚依据", "处罚种类", "裁量档次", "适用情形", "罚款下限(元)", "罚款上限(元)");

    private final ViolationCatalogue catalogue;

    BenchmarkSheet(ViolationCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    public byte[] export() {
        try (WorkbookWriter wb = new WorkbookWriter()) {
            SheetWriter sheet = wb.sheet("自由裁量基准", HEADERS).widths(10, 30, 30, 30, 20, 8, 40, 12, 12);
            for (ViolationItem i : catalogue.list()) {
                for (TierBenchmark t : i.tiers()) {
                    sheet.row(
                            i.code(),
                            i.name(),
                            i.clause(),
                            i.basis(),
                            i.penaltyKind(),
                            t.tier().label(),
                            t.conditions(),
                            t.fineMin(),
                            t.fineMax());
                }
            }
            return wb.toBytes();
        }
    }

    private record Line(
            int row, String code, String name, String clause, String basis, String kind, TierBenchmark tier) {}

    @Transactional
    public ImportReport importXlsx(InputStream in) {
        List<RowError> errors = new ArrayList<>();
        List<Line> lines = new ArrayList<>();
        try (UploadedWorkbook wb = UploadedWorkbook.open(in)) {
            UploadedSheet sheet = wb.firstSheet();
            NamedHeader header = NamedHeader.find(sheet, HEADERS, HEADERS);
            if (header.problem().isPresent()) {
                SheetError p = header.problem().get();
                return new ImportReport(0, List.of(new RowError(p.row(), p.column(), p.message())));
            }
            HeaderColumns<String> cols = header.columns();
            SheetErrors sheetErrors = new SheetErrors();
            for (DataRow r : header.rowsBelow(UploadedWorkbook.MAX_ROWS)) {
                BigDecimal min = r.decimal(cols.of("罚款下限(元)"), "罚款下限(元)", sheetErrors);
                BigDecimal max = r.decimal(cols.of("罚款上限(元)"), "罚款上限(元)", sheetErrors);
                String tierText = r.textOrNull(cols.of("裁量档次"));
                Tier tier = Tier.parse(tierText);
                if (tier == null) {
                    errors.add(new RowError(r.number(), "裁量档次", "档次须为轻微/一般/较重/严重 unknown tier: " + tierText));
                }
                for (String required : List.of("编码", "违法行为", "违反条款", "处罚依据", "处罚种类", "适用情形")) {
                    if (r.textOrNull(cols.of(required)) == null) {
                        errors.add(new RowError(r.number(), required, "必填 required"));
                    }
                }
                if ((min == null || max == null) && r.textOrNull(cols.of("罚款下限(元)")) == null) {
                    errors.add(new RowError(r.number(), "罚款下限(元)", "必填 required"));
                }
                lines.add(new Line(
                        r.number(),
                        r.textOrNull(cols.of("编码")),
                        r.textOrNull(cols.of("违法行为")),
                        r.textOrNull(cols.of("违反条款")),
                        r.textOrNull(cols.of("处罚依据")),
                        r.textOrNull(cols.of("处罚种类")),
                        new TierBenchmark(tier, r.textOrNull(cols.of("适用情形")), min, max)));
            }
            errors.addAll(sheetErrors.map(e -> new RowError(e.row() == null ? 0 : e.row(), e.column(), e.message())));
        }
        if (lines.isEmpty() && errors.isEmpty()) {
            return new ImportReport(0, List.of(new RowError(0, "file", "文件中没有数据行 no data rows")));
        }
        Map<String, List<Line>> byCode = new LinkedHashMap<>();
        lines.stream()
                .filter(l -> l.code() != null)
                .forEach(l ->
                        byCode.computeIfAbsent(l.code(), k -> new ArrayList<>()).add(l));
        List<ViolationItem> items = new ArrayList<>();
        if (errors.isEmpty()) {
            for (List<Line> group : byCode.values()) {
                Line first = group.get(0);
                ViolationItem item = new ViolationItem(
                        first.code(),
                        first.name(),
                        first.clause(),
                        first.basis(),
                        first.kind(),
                        group.stream().map(Line::tier).toList());
                for (String p : item.problems()) {
                    errors.add(new RowError(first.row(), "罚款下限(元)", first.code() + "：" + p));
                }
                items.add(item);
            }
        }
        if (!errors.isEmpty()) {
            errors.sort(java.util.Comparator.comparingInt(RowError::row));
            return new ImportReport(0, errors);
        }
        items.forEach(catalogue::save);
        return new ImportReport(items.size(), List.of());
    }
}
