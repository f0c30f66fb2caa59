package org.cityops.muck.registry;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.cityops.muck.registry.RegistryModel.Company;
import org.cityops.muck.registry.RegistryModel.CompanyRequest;
import org.cityops.muck.registry.RegistryModel.Vehicle;
import org.cityops.muck.registry.RegistryModel.VehicleRequest;
import org.cityops.platform.DomainException;
import org.cityops.platform.InvalidInputException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

/**
 * Excel import and export of the registry (vehicles, companies) with templates. An import is all or nothing: every
 * row is checked first and a file with any bad row is refused with a row-by-row report; a good file is written in
 * one transaction.
 */
@Service
public class RegistryExcel {

    public static final int MAX_ROWS = 5_000;

    public static final List<String> VEHICLE_COLUMNS = List.of("车牌 plate", "车牌颜色 plateColor", "终端手机号 terminalPhone",
            "企业编码 companyCode", "核定载质量t ratedLoadT", "车厢容积m3 ratedVolumeM3", "密闭方式 bodyType", "区划 districtCode",
            "状态 status");
    public static final List<String> COMPANY_COLUMNS = List.of("编码 code", "名称 name", "许可证号 licenseNo", "资质 qualification",
            "资质有效期 qualificationUntil", "联系人 contact", "电话 phone", "区划 districtCode", "状态 status");

    /** One problem of one row (row numbers as Excel shows them, header = 1). */
    public record RowError(int row, String field, String message) {
    }

    /** The file was refused; nothing was written. */
    public static class ImportRejected extends InvalidInputException {
        private final List<RowError> errors;

        public ImportRejected(List<RowError> errors) {
            super("导入文件有 " + errors.size() + " 处错误，未写入任何数据 " + errors.size()
                    + " problems, nothing imported");
            this.errors = List.copyOf(errors);
        }

        public List<RowError> errors() {
            return errors;
        }
    }

    private final MuckRegistry registry;
    private final JdbcClient jdbc;
    private final Validator validator;

    RegistryExcel(MuckRegistry registry, JdbcClient jdbc, Validator validator) {
        this.registry = registry;
        this.jdbc = jdbc;
        this.validator = validator;
    }

    public List<List<Object>> vehicleRows() {
        Map<Long, String> codes = companyCodes();
        List<List<Object>> rows = new ArrayList<>();
        for (Vehicle v : registry.vehicles(null, null)) {
            rows.add(java.util.Arrays.asList(v.plate(), v.plateColor(), v.terminalPhone(),
                    v.companyId() == null ? null : codes.get(v.companyId()), v.ratedLoadT(), v.ratedVolumeM3(),
                    v.bodyType(), v.districtCode(), v.status()));
        }
        return rows;
    }

    public List<List<Object>> companyRows() {
        List<List<Object>> rows = new ArrayList<>();
        for (Company c : registry.companies()) {
            rows.add(java.util.Arrays.asList(c.code(), c.name(), c.licenseNo(), c.qualification(),
                    c.qualificationUntil() == null ? null : c.qualificationUntil().toString(), c.contact(), c.phone(),
                    c.districtCode(), c.status()));
        }
        return rows;
    }

    @Transactional
    public int importVehicles(InputStream in) {
        List<String[]> rows = read(in, VEHICLE_COLUMNS.size());
        Map<String, Long> companies = new HashMap<>();
        companyCodes().forEach((id, code) -> companies.put(code, id));
        List<RowError> errors = new ArrayList<>();
        List<VehicleRequest> requests = new ArrayList<>();
        Set<String> terminals = new HashSet<>();
        Set<String> plates = new HashSet<>();
        for (int i = 0; i < rows.size(); i++) {
            String[] c = rows.get(i);
            int rowNo = i + 2;
            int before = errors.size();
            Integer color = integer(c[1], rowNo, "plateColor", errors);
            BigDecimal load = decimal(c[4], rowNo, "ratedLoadT", errors);
            BigDecimal volume = decimal(c[5], rowNo, "ratedVolumeM3", errors);
            Long companyId = null;
            if (c[3] != null) {
                companyId = companies.get(c[3]);
                if (companyId == null) {
                    errors.add(new RowError(rowNo, "companyCode", "企业编码不存在 unknown company code " + c[3]));
                }
            }
            VehicleRequest r = new VehicleRequest(c[0], color, c[2], companyId, load, volume, c[6], c[7], c[8]);
            validate(r, rowNo, errors);
            if (errors.size() == before) {
                try {
                    String t = MuckRegistry.terminal(r.terminalPhone());
                    MuckRegistry.plateColor(r.plateColor());
                    if (!terminals.add(t)) {
                        errors.add(new RowError(rowNo, "terminalPhone", "文件内终端号重复 duplicate terminal in file"));
                    } else if (jdbc.sql("SELECT COUNT(*) FROM muck_vehicle WHERE terminal_phone = :t").param("t", t)
                            .query(Long.class).single() > 0) {
                        errors.add(new RowError(rowNo, "terminalPhone", "终端号已登记 terminal already registered"));
                    }
                    String plateKey = r.plate().trim() + "/" + r.plateColor();
                    if (!plates.add(plateKey)) {
                        errors.add(new RowError(rowNo, "plate", "文件内车牌重复 duplicate plate in file"));
                    } else if (jdbc.sql("SELECT COUNT(*) FROM muck_vehicle WHERE plate = :p AND plate_color = :c")
                            .param("p", r.plate().trim()).param("c", r.plateColor()).query(Long.class).single() > 0) {
                        errors.add(new RowError(rowNo, "plate", "车牌已登记 plate already registered"));
                    }
                } catch (DomainException e) {
                    errors.add(new RowError(rowNo, e.field(), e.getMessage()));
                }
            }
            requests.add(r);
        }
        if (!errors.isEmpty()) {
            throw new ImportRejected(errors);
        }
        requests.forEach(registry::createVehicle);
        return requests.size();
    }

    @Transactional
    public int importCompanies(InputStream in) {
        List<String[]> rows = read(in, COMPANY_COLUMNS.size());
        List<RowError> errors = new ArrayList<>();
        List<CompanyRequest> requests = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < rows.size(); i++) {
            String[] c = rows.get(i);
            int rowNo = i + 2;
            int before = errors.size();
            LocalDate until = null;
            if (c[4] != null) {
                try {
                    until = LocalDate.parse(c[4]);
                } catch (DateTimeParseException e) {
                    errors.add(new RowError(rowNo, "qualificationUntil", "日期格式应为 yyyy-MM-dd date must be yyyy-MM-dd"));
                }
            }
            CompanyRequest r = new CompanyRequest(c[0], c[1], c[2], c[3], until, c[5], c[6], c[7], c[8]);
            validate(r, rowNo, errors);
            if (errors.size() == before) {
                if (!codes.add(r.code().trim())) {
                    errors.add(new RowError(rowNo, "code", "文件内编码重复 duplicate code in file"));
                } else if (jdbc.sql("SELECT COUNT(*) FROM muck_company WHERE code = :c").param("c", r.code().trim())
                        .query(Long.class).single() > 0) {
                    errors.add(new RowError(rowNo, "code", "企业编码已存在 company code exists"));
                }
            }
            requests.add(r);
        }
        if (!errors.isEmpty()) {
            throw new ImportRejected(errors);
        }
        requests.forEach(registry::createCompany);
        return requests.size();
    }

    private <T> void validate(T request, int row, List<RowError> errors) {
        for (ConstraintViolation<T> v : validator.validate(request)) {
            errors.add(new RowError(row, v.getPropertyPath().toString(), v.getMessage()));
        }
    }

    private static Integer integer(String s, int row, String field, List<RowError> errors) {
        if (s == null) {
            return null;
        }
        try {
            return new BigDecimal(s).intValueExact();
        } catch (ArithmeticException | NumberFormatException e) {
            errors.add(new RowError(row, field, "应为整数 must be a whole number"));
            return null;
        }
    }

    private static BigDecimal decimal(String s, int row, String field, List<RowError> errors) {
        if (s == null) {
            return null;
        }
        try {
            return new BigDecimal(s);
        } catch (NumberFormatException e) {
            errors.add(new RowError(row, field, "应为数字 must be a number"));
            return null;
        }
    }

    /** The data rows (blank rows skipped) as trimmed strings, null for empty cells. */
    private static List<String[]> read(InputStream in, int columns) {
        DataFormatter formatter = new DataFormatter(java.util.Locale.ROOT);
        List<String[]> rows = new ArrayList<>();
        try (Workbook wb = WorkbookFactory.create(in)) {
            if (wb.getNumberOfSheets() == 0) {
                throw new InvalidInputException("文件没有工作表 no sheet in the file", "file");
            }
            Sheet sheet = wb.getSheetAt(0);
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                if (row == null) {
                    continue;
                }
                String[] values = new String[columns];
                boolean any = false;
                for (int c = 0; c < columns; c++) {
                    Cell cell = row.getCell(c);
                    String v = null;
                    if (cell != null) {
                        if (cell.getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC
                                && DateUtil.isCellDateFormatted(cell)) {
                            v = cell.getLocalDateTimeCellValue().toLocalDate().toString();
                        } else if (cell.getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC) {
                            v = BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros().toPlainString();
                        } else {
                            v = formatter.formatCellValue(cell);
                        }
                        v = v == null || v.isBlank() ? null : v.trim();
                    }
                    values[c] = v;
                    any |= v != null;
                }
                if (any) {
                    if (rows.size() >= MAX_ROWS) {
                        throw new InvalidInputException("一次最多导入 " + MAX_ROWS + " 行 at most " + MAX_ROWS + " rows", "file");
                    }
                    rows.add(values);
                }
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof DomainException d) {
                throw d;
            }
            throw new InvalidInputException("不是有效的 .xlsx 文件 not a readable .xlsx file", "file");
        }
        if (rows.isEmpty()) {
            throw new InvalidInputException("文件没有数据行 no data rows", "file");
        }
        return rows;
    }

    private Map<Long, String> companyCodes() {
        Map<Long, String> codes = new HashMap<>();
        jdbc.sql("SELECT id, code FROM muck_company").query(rs -> {
            codes.put(rs.getLong(1), rs.getString(2));
        });
        return codes;
    }
}
