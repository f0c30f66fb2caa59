package org.cityops.wastestream.collection;

import java.io.InputStream;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.cityops.audit.AuditTrail;
import org.cityops.org.StaffMember;
import org.cityops.platform.InvalidInputException;
import org.cityops.platform.excel.DataRow;
import org.cityops.platform.excel.HeaderColumns;
import org.cityops.platform.excel.SheetWriter;
import org.cityops.platform.excel.UploadedSheet;
import org.cityops.platform.excel.UploadedWorkbook;
import org.cityops.platform.excel.WorkbookWriter;
import org.cityops.wastestream.ImportReport;
import org.cityops.wastestream.RowError;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;

/**
 * 收运线路 as .xlsx: the export lists every stop of the vehicles in the caller's area (车牌号, 星期, 开始时间, 结束时间,
 * 统一社会信用代码, 单位名称 — the producers of a vehicle's weekday in the order of their windows); the import takes the
 * same columns (单位名称 is informative and not read) and adds each stop, or moves the window of a stop already there
 * (same vehicle, weekday and producer), with the checks of {@link Routes#add}. All or nothing: every row is checked
 * first, any problem (a wrong or missing column, an unknown plate or producer, a weekday outside 1–7 or 周一…周日, a
 * window that does not end after it starts, the same stop twice in the file) refuses the file, naming the Excel row
 * and column; nothing is stored.
 */
@Service
public class RouteWorkbook {

    public static final List<String> HEADERS = List.of("车牌号", "星期", "开始时间", "结束时间", "统一社会信用代码", "单位名称");
    /** The columns an import needs (单位名称 is only read by people). */
    static final List<String> REQUIRED = HEADERS.subList(0, 5);

    static final int MAX_ROWS = 5_000;

    private static final Map<String, String> COLUMN_OF =
            Map.of("plate", "车牌号", "weekday", "星期", "from", "开始时间", "to", "结束时间", "creditCode", "统一社会信用代码");
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("H:mm[:ss]");

    private final Routes routes;
    private final AuditTrail audit;

    RouteWorkbook(Routes routes, AuditTrail audit) {
        this.routes = routes;
        this.audit = audit;
    }

    /** The caller's area's stops, by plate, weekday and window. */
    public byte[] export(StaffMember me) {
        try (WorkbookWriter wb = new WorkbookWriter()) {
            SheetWriter s = wb.sheet("收运线路", HEADERS);
            for (Routes.StopView v : routes.list(me)) {
                s.row(
                        v.plate(),
                        v.weekdayLabel(),
                        v.from().format(HH_MM_OUT),
                        v.to().format(HH_MM_OUT),
                        v.creditCode(),
                        v.producerName());
            }
            return wb.toBytes();
        }
    }

    private static final DateTimeFormatter HH_MM_OUT = DateTimeFormatter.ofPattern("HH:mm");

    /** The workbook's stops, all or nothing. */
    @Transactional
    public ImportReport importXlsx(InputStream in, StaffMember me) {
        List<RowError> errors = new ArrayList<>();
        List<Routes.Resolved> stops = new ArrayList<>();
        try (UploadedWorkbook wb = UploadedWorkbook.open(in, UploadedWorkbook.Limits.DEFAULT)) {
            UploadedSheet sheet = wb.firstSheet();
            Optional<DataRow> header = sheet.header();
            if (header.isEmpty()) {
                return new ImportReport(0, List.of(new RowError(0, "file", "没有表头 no header row")));
            }
            Map<String, String> names = new HashMap<>();
            HEADERS.forEach(h -> names.put(h, h));
            HeaderColumns<String> cols = HeaderColumns.match(header.get(), names);
            List<String> missing = cols.missing(REQUIRED);
            if (!missing.isEmpty()) {
                return new ImportReport(
                        0,
                        List.of(new RowError(header.get().number(), missing.get(0), "缺少列 missing columns " + missing)));
            }
            Set<String> seen = new HashSet<>();
            for (DataRow r : sheet.dataRowsBelow(header.get(), MAX_ROWS)) {
                int before = errors.size();
                Integer weekday = weekday(r, cols.of("星期"), errors);
                LocalTime from = time(r, cols.of("开始时间"), "开始时间", errors);
                LocalTime to = time(r, cols.of("结束时间"), "结束时间", errors);
                if (errors.size() > before) {
                    continue;
                }
                try {
                    Routes.Resolved s = routes.resolve(
                            r.textOrNull(cols.of("车牌号")), weekday, r.textOrNull(cols.of("统一社会信用代码")), from, to, me);
                    if (!seen.add(s.vehicleId() + "/" + s.weekday() + "/" + s.producerId())) {
                        errors.add(new RowError(
                                r.number(),
                                "统一社会信用代码",
                                "同一车辆同一星期的产生单位重复 the same stop twice in the file: " + s.creditCode()));
                    } else {
                        stops.add(s);
                    }
                } catch (InvalidInputException e) {
                    errors.add(new RowError(r.number(), COLUMN_OF.getOrDefault(e.field(), e.field()), e.getMessage()));
                }
            }
        }
        if (stops.isEmpty() && errors.isEmpty()) {
            return new ImportReport(0, List.of(new RowError(0, "file", "文件中没有数据行 no data rows")));
        }
        if (!errors.isEmpty()) {
            TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
            return new ImportReport(0, errors);
        }
        for (Routes.Resolved s : stops) {
            routes.store(s, me);
        }
        audit.record("WST_ROUTE", "batch", "IMPORT", null, stops.size() + " route stops (.xlsx) by " + me.username());
        return new ImportReport(stops.size(), List.of());
    }

    /** 1–7 or 周一…周日 (also 星期一…, 星期日/星期天, 周天). */
    static Integer weekday(DataRow r, int column, List<RowError> errors) {
        String t = r.textOrNull(column);
        if (t == null) {
            errors.add(new RowError(r.number(), "星期", "必填 required"));
            return null;
        }
        Integer w = weekdayOf(t);
        if (w == null) {
            errors.add(new RowError(r.number(), "星期", "应为 1–7 或 周一…周日 must be 1–7 or 周一…周日: " + t));
        }
        return w;
    }

    static Integer weekdayOf(String text) {
        String t = text.strip();
        if (t.endsWith(".0")) {
            t = t.substring(0, t.length() - 2);
        }
        if (t.matches("[1-7]")) {
            return Integer.parseInt(t);
        }
        String day = t.startsWith("星期") ? t.substring(2) : t.startsWith("周") ? t.substring(1) : null;
        if (day == null) {
            return null;
        }
        int i = "一二三四五六日".indexOf(day);
        if (day.length() == 1 && i >= 0) {
            return i + 1;
        }
        return "天".equals(day) ? 7 : null;
    }

    /** HH:mm as text, or an Excel time (a fraction of a day). */
    static LocalTime time(DataRow r, int column, String name, List<RowError> errors) {
        String t = r.textOrNull(column);
        if (t == null) {
            errors.add(new RowError(r.number(), name, "必填 required"));
            return null;
        }
        if (r.isNumber(column)) {
            try {
                double day = Double.parseDouble(t);
                if (day >= 0 && day < 1) {
                    return LocalTime.ofSecondOfDay(Math.round(day * 86_400) % 86_400);
                }
            } catch (NumberFormatException e) {
                // fall through to the text form
            }
        }
        try {
            return LocalTime.parse(t, HH_MM);
        } catch (DateTimeParseException e) {
            errors.add(new RowError(r.number(), name, "时间格式应为 HH:mm time must be HH:mm: " + t));
            return null;
        }
    }
}
