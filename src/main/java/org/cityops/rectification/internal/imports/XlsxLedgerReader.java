package org.cityops.rectification.internal.imports;

import static org.cityops.rectification.internal.imports.XlsxColumns.*;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cityops.platform.InvalidInputException;
import org.cityops.platform.excel.DataRow;
import org.cityops.platform.excel.HeaderColumns;
import org.cityops.platform.excel.UploadedSheet;
import org.cityops.platform.excel.UploadedWorkbook;
import org.cityops.rectification.InspectionKind;
import org.cityops.rectification.MeasureStatus;
import org.cityops.rectification.ProblemStatus;
import org.cityops.rectification.internal.ChineseNumerals;
import org.cityops.rectification.internal.Deadlines;
import org.cityops.rectification.internal.LedgerDraft;
import org.cityops.rectification.internal.LedgerDraft.CategoryDraft;
import org.cityops.rectification.internal.LedgerDraft.MeasureDraft;
import org.cityops.rectification.internal.LedgerDraft.ProblemDraft;

/**
 * Reads the ledger spreadsheet: one row per measure with the columns of {@link XlsxColumns} in any order (a
 * blank 序号/问题类别 continues the problem/category above, as with merged cells). Unknown columns are reported
 * as warnings; every error names its row and column, and any error refuses the file.
 */
public final class XlsxLedgerReader {

    public record Result(LedgerDraft draft, List<String> warnings) {}

    private static final Pattern CATEGORY_PREFIX =
            Pattern.compile("^[((]?([一二三四五六七八九十]+|\\d+)[))]?\\s*[、.．]?\\s*(.*)$");
    private static final Pattern SUB_NO = Pattern.compile("^[((](\\d+)[))]\\s*(.*)$", Pattern.DOTALL);

    /** Mutable builders while reading rows. */
    private static final class Cat {
        final int seq;
        final String title;
        final List<Prob> problems = new ArrayList<>();

        Cat(int seq, String title) {
            this.seq = seq;
            this.title = title;
        }
    }

    private static final class Prob {
        final int number;
        final String title;
        ProblemStatus status;
        final List<MeasureDraft> measures = new ArrayList<>();

        Prob(int number, String title) {
            this.number = number;
            this.title = title;
        }
    }

    public Result read(byte[] bytes, String fileName) {
        UploadedWorkbook wb;
        try {
            wb = UploadedWorkbook.open(new ByteArrayInputStream(bytes));
        } catch (InvalidInputException e) {
            throw new LedgerImportException(
                    List.of(new ImportError("file", null, e.getMessage() + (fileName == null ? "" : ": " + fileName))));
        }
        try (wb) {
            return read(wb, fileName);
        }
    }

    private Result read(UploadedWorkbook wb, String fileName) {
        List<ImportError> errors = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        UploadedSheet sheet = wb.sheet(LEDGER_SHEET).orElseGet(wb::firstSheet);
        DataRow header = sheet.header()
                .orElseThrow(() ->
                        new LedgerImportException(List.of(new ImportError("1", null, "表格为空 the sheet is empty"))));
        Map<String, String> names = new LinkedHashMap<>();
        REQUIRED.forEach(c -> names.put(c, c));
        OPTIONAL.forEach(c -> names.put(c, c));
        HeaderColumns<String> columns = HeaderColumns.match(header, names);
        String headerRow = Integer.toString(columns.row());
        columns.unknown().forEach(name -> warnings.add("未知列已忽略 unknown column ignored: " + name));
        columns.duplicates().forEach(name -> errors.add(new ImportError(headerRow, name, "列重复 duplicate column")));
        columns.missing(REQUIRED).forEach(name -> errors.add(new ImportError(headerRow, name, "缺少列 missing column")));
        if (!errors.isEmpty()) {
            throw new LedgerImportException(errors);
        }
        Map<String, Integer> cols = columns.index();
        Map<Integer, Cat> categories = new LinkedHashMap<>();
        Map<Integer, Integer> problemRows = new HashMap<>();
        Cat cat = null;
        Prob prob = null;
        for (DataRow row : sheet.dataRowsBelow(header, UploadedWorkbook.MAX_ROWS)) {
            String rowNo = Integer.toString(row.number());
            String catText = cell(row, cols.get(CATEGORY));
            if (!catText.isEmpty()) {
                Matcher m = CATEGORY_PREFIX.matcher(catText);
                int seq;
                String title;
                if (m.matches() && !m.group(2).isBlank() && ChineseNumerals.parse(m.group(1)) > 0) {
                    seq = ChineseNumerals.parse(m.group(1));
                    title = m.group(2).trim();
                } else {
                    title = catText;
                    seq = categories.values().stream()
                            .filter(c -> c.title.equals(catText))
                            .map(c -> c.seq)
                            .findFirst()
                            .orElse(categories.size() + 1);
                }
                Cat existing = categories.get(seq);
                if (existing == null) {
                    existing = new Cat(seq, title);
                    categories.put(seq, existing);
                } else if (!existing.title.equals(title)) {
                    errors.add(new ImportError(
                            rowNo,
                            CATEGORY,
                            "类别序号 " + ChineseNumerals.of(seq) + " 对应两个不同的标题 category number used with two titles"));
                }
                if (existing != cat) {
                    prob = null;
                }
                cat = existing;
            }
            String noText = cell(row, cols.get(NO));
            String problemText = cell(row, cols.get(PROBLEM));
            if (!noText.isEmpty()) {
                Integer no = parseInt(noText);
                if (no == null || no <= 0) {
                    errors.add(new ImportError(
                            rowNo, NO, "序号应为正整数 must be a positive whole number, got '" + noText + "'"));
                    continue;
                }
                if (prob == null || prob.number != no) {
                    if (problemRows.containsKey(no)) {
                        errors.add(new ImportError(
                                rowNo,
                                NO,
                                "问题序号重复 duplicate problem number " + no + " (已在第 " + problemRows.get(no)
                                        + " 行 already in row " + problemRows.get(no) + ")"));
                        continue;
                    }
                    if (cat == null) {
                        errors.add(new ImportError(rowNo, CATEGORY, "缺少问题类别 missing category"));
                        continue;
                    }
                    if (problemText.isEmpty()) {
                        errors.add(new ImportError(rowNo, PROBLEM, "缺少问题描述 missing problem description"));
                        continue;
                    }
                    problemRows.put(no, row.number());
                    prob = new Prob(no, problemText);
                    cat.problems.add(prob);
                } else if (!problemText.isEmpty() && !problemText.equals(prob.title)) {
                    errors.add(new ImportError(
                            rowNo, PROBLEM, "同一序号的问题描述不一致 problem " + no + " has a different description than above"));
                }
            } else if (!problemText.isEmpty() && (prob == null || !problemText.equals(prob.title))) {
                errors.add(new ImportError(rowNo, NO, "缺少问题序号 missing problem number"));
                continue;
            }
            String measureText = cell(row, cols.get(MEASURE));
            if (prob == null) {
                errors.add(new ImportError(rowNo, NO, "整改措施不属于任何问题 a measure without a problem"));
                continue;
            }
            String ps = cell(row, cols.get(PROBLEM_STATUS));
            if (!ps.isEmpty()) {
                ProblemStatus status = ProblemStatus.parse(ps);
                if (status == null) {
                    errors.add(new ImportError(rowNo, PROBLEM_STATUS, "未知的问题状态 unknown status '" + ps + "'"));
                } else {
                    prob.status = status;
                }
            }
            if (measureText.isEmpty()) {
                if (!prob.measures.isEmpty() || hasMeasureData(row, cols)) {
                    errors.add(new ImportError(rowNo, MEASURE, "缺少整改措施 missing measure"));
                }
                continue;
            }
            MeasureDraft md = measure(row, cols, rowNo, measureText, errors);
            if (md != null) {
                prob.measures.add(md);
            }
        }
        if (categories.isEmpty() && errors.isEmpty()) {
            errors.add(new ImportError(Integer.toString(columns.row() + 1), null, "没有数据行 no data rows"));
        }
        Map<String, String> info = info(wb);
        String name = info.getOrDefault(INFO_NAME, fileName == null ? "导入的台账" : fileName.replaceFirst("\\.xlsx$", ""));
        InspectionKind kind = InspectionKind.parse(info.getOrDefault(INFO_KIND, name));
        if (kind == null && !info.containsKey(INFO_KIND)) {
            kind = InspectionKind.PATROL;
        }
        if (kind == null) {
            errors.add(new ImportError(INFO_SHEET, INFO_KIND, "未知的巡察类型 unknown kind"));
        }
        LocalDate feedback = null;
        if (info.containsKey(INFO_FEEDBACK)) {
            try {
                feedback = Deadlines.parse(info.get(INFO_FEEDBACK)).date();
            } catch (IllegalArgumentException e) {
                errors.add(new ImportError(INFO_SHEET, INFO_FEEDBACK, e.getMessage()));
            }
        }
        if (!errors.isEmpty()) {
            throw new LedgerImportException(errors);
        }
        List<CategoryDraft> cats = categories.values().stream()
                .map(c -> new CategoryDraft(
                        c.seq,
                        c.title,
                        c.problems.stream()
                                .map(p -> new ProblemDraft(p.number, p.title, p.status, List.copyOf(p.measures)))
                                .toList()))
                .toList();
        return new Result(
                new LedgerDraft(
                        name,
                        info.get(INFO_BODY),
                        kind,
                        info.get(INFO_PERIOD),
                        feedback,
                        info.get(INFO_ORG),
                        info.get(INFO_TITLE),
                        cats),
                warnings);
    }

    private MeasureDraft measure(
            DataRow row, Map<String, Integer> cols, String rowNo, String measureText, List<ImportError> errors) {
        Integer subNo = null;
        String text = measureText;
        Matcher sub = SUB_NO.matcher(text);
        if (sub.matches()) {
            subNo = Integer.parseInt(sub.group(1));
            text = sub.group(2).trim();
        }
        String title = cell(row, cols.get(MEASURE_TITLE));
        boolean derived = true;
        if (!title.isEmpty() && text.startsWith(title + "。") && text.length() > title.length() + 1) {
            text = text.substring(title.length() + 1);
            derived = false;
        } else if (title.isEmpty()) {
            title = summary(text);
        }
        Deadlines.Deadline deadline = Deadlines.Deadline.NONE;
        try {
            deadline = Deadlines.parse(cell(row, cols.get(DEADLINE)));
        } catch (IllegalArgumentException e) {
            errors.add(new ImportError(rowNo, DEADLINE, e.getMessage()));
        }
        MeasureStatus status = MeasureStatus.NOT_STARTED;
        String st = cell(row, cols.get(STATUS));
        if (!st.isEmpty()) {
            status = MeasureStatus.parse(st);
            if (status == null) {
                errors.add(new ImportError(rowNo, STATUS, "未知的整改状态 unknown status '" + st + "' (未启动/推进中/已完成)"));
                return null;
            }
        }
        return new MeasureDraft(
                subNo,
                title,
                derived,
                text,
                blankToNull(cell(row, cols.get(LEADER))),
                blankToNull(cell(row, cols.get(LEAD_DEPT))),
                JsonLedgerReader.splitNames(cell(row, cols.get(COOP_DEPTS))),
                deadline.date(),
                deadline.longTerm(),
                blankToNull(cell(row, cols.get(OUTCOME))),
                status,
                blankToNull(cell(row, cols.get(PROGRESS))),
                null);
    }

    /** A short name for a measure given without one: its first clause, at most 20 characters. */
    static String summary(String text) {
        String first = text.split("[,,。;;::]", 2)[0].trim();
        return first.length() > 20 ? first.substring(0, 20) : first;
    }

    private boolean hasMeasureData(DataRow row, Map<String, Integer> cols) {
        for (String c : List.of(LEADER, LEAD_DEPT, COOP_DEPTS, DEADLINE, PROGRESS, STATUS)) {
            if (!cell(row, cols.get(c)).isEmpty()) {
                return true;
            }
        }
        return false;
    }

    private Map<String, String> info(UploadedWorkbook wb) {
        Map<String, String> out = new HashMap<>();
        var s = wb.sheet(INFO_SHEET);
        if (s.isEmpty()) {
            return out;
        }
        for (DataRow row : s.get().allRows(UploadedWorkbook.MAX_ROWS)) {
            String k = row.text(0);
            String v = row.text(1);
            if (!k.isEmpty() && !v.isEmpty()) {
                out.put(k, v);
            }
        }
        return out;
    }

    private static String cell(DataRow row, Integer col) {
        return col == null ? "" : row.text(col);
    }

    private static Integer parseInt(String s) {
        try {
            return Integer.parseInt(s.trim().replaceAll("[.、]$", ""));
        } catch (NumberFormatException e) {
            try {
                double d = Double.parseDouble(s.trim());
                return d == Math.rint(d) ? (int) d : null;
            } catch (NumberFormatException e2) {
                return null;
            }
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
