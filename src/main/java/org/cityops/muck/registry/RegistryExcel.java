package org.cityops.muck.registry;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cityops.muck.registry.RegistryModel.Company;
import org.cityops.muck.registry.RegistryModel.CompanyRequest;
import org.cityops.muck.registry.RegistryModel.Vehicle;
import org.cityops.muck.registry.RegistryModel.VehicleRequest;
import org.cityops.org.StaffMember;
import org.cityops.platform.DomainException;
import org.cityops.platform.InvalidInputException;
import org.cityops.platform.excel.DataRow;
import org.cityops.platform.excel.SheetErrors;
import org.cityops.platform.excel.UploadedWorkbook;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Excel import and export of the registry (vehicles, companies) with templates. An import is all or nothing: every
 * row is checked first and a file with any bad row is refused with a row-by-row report; a good file is written in
 * one transaction.
 */
@Service
public class RegistryExcel {

    public static final int MAX_ROWS = UploadedWorkbook.MAX_ROWS;

    public static final List<String> VEHICLE_COLUMNS = List.of(
            "车牌 plate",
            "车牌颜色 plateColor",
            "终端手机号 terminalPhone",
            "企业编码 companyCode",
            "核定载质量t ratedLoadT",
            "车厢容积m3 ratedVolumeM3",
            "密闭方式 bodyType",
            "区划 districtCode",
            "状态 status");
    public static final List<String> COMPANY_COLUMNS = List.of(
            "编码 code",
            "名称 name",
            "许可证号 licenseNo",
            "资质 qualification",
            "资质有效期 qualificationUntil",
            "联系人 contact",
            "电话 phone",
            "区划 districtCode",
            "状态 status");

    /** One problem of one row (row numbers as Excel shows them, header = 1). */
    public record RowError(int row, String field, String message) {

        static List<RowError> of(SheetErrors errors) {
            return errors.map(e -> new RowError(e.row(), e.column(), e.message()));
        }
    }

    /** The file was refused; nothing was written. */
    public static class ImportRejected extends InvalidInputException {
        private final List<RowError> errors;

        public ImportRejected(List<RowError> errors) {
            super("导入文件有 " + errors.size() + " 处错误，未写入任何数据 " + errors.size() + " problems, nothing imported");
            this.errors = List.copyOf(errors);
        }

        public List<RowError> errors() {
            return errors;
        }
    }

    private final Companies companies;
    private final Vehicles vehicles;
    private final JdbcClient jdbc;
    private final Validator validator;

    RegistryExcel(Companies companies, Vehicles vehicles, JdbcClient jdbc, Validator validator) {
        this.companies = companies;
        this.vehicles = vehicles;
        this.jdbc = jdbc;
        this.validator = validator;
    }

    public List<List<Object>> vehicleRows(StaffMember me) {
        Map<Long, String> codes = companyCodes();
        List<List<Object>> rows = new ArrayList<>();
        for (Vehicle v : vehicles.vehicles(me, null, null)) {
            rows.add(java.util.Arrays.asList(
                    v.plate(),
                    v.plateColor(),
                    v.terminalPhone(),
                    v.companyId() == null ? null : codes.get(v.companyId()),
                    v.ratedLoadT(),
                    v.ratedVolumeM3(),
                    v.bodyType(),
                    v.districtCode(),
                    v.status()));
        }
        return rows;
    }

    public List<List<Object>> companyRows(StaffMember me) {
        List<List<Object>> rows = new ArrayList<>();
        for (Company c : companies.companies(me)) {
            rows.add(java.util.Arrays.asList(
                    c.code(),
                    c.name(),
                    c.licenseNo(),
                    c.qualification(),
                    c.qualificationUntil(),
                    c.contact(),
                    c.phone(),
                    c.districtCode(),
                    c.status()));
        }
        return rows;
    }

    @Transactional
    public int importVehicles(StaffMember me, InputStream in) {
        Map<String, Long> companies = new HashMap<>();
        companyCodes().forEach((id, code) -> companies.put(code, id));
        SheetErrors errors = new SheetErrors();
        List<VehicleRequest> requests = new ArrayList<>();
        Set<String> terminals = new HashSet<>();
        Set<String> plates = new HashSet<>();
        try (UploadedWorkbook wb = UploadedWorkbook.open(in)) {
            for (DataRow row : dataRows(wb)) {
                int before = errors.size();
                Integer color = row.integer(1, "plateColor", errors);
                BigDecimal load = row.decimal(4, "ratedLoadT", errors);
                BigDecimal volume = row.decimal(5, "ratedVolumeM3", errors);
                String companyCode = row.textOrNull(3);
                Long companyId = null;
                if (companyCode != null) {
                    companyId = companies.get(companyCode);
                    if (companyId == null) {
                        errors.add(row, "companyCode", "企业编码不存在 unknown company code " + companyCode);
                    }
                }
                VehicleRequest r = new VehicleRequest(
                        row.textOrNull(0),
                        color,
                        row.textOrNull(2),
                        companyId,
                        load,
                        volume,
                        row.textOrNull(6),
                        row.textOrNull(7),
                        row.textOrNull(8));
                validate(r, row, errors);
                if (errors.size() == before) {
                    try {
                        String t = Vehicles.terminal(r.terminalPhone());
                        Vehicles.plateColor(r.plateColor());
                        if (!terminals.add(t)) {
                            errors.add(row, "terminalPhone", "文件内终端号重复 duplicate terminal in file");
                        } else if (jdbc.sql("SELECT COUNT(*) FROM muck_vehicle WHERE terminal_phone = :t")
                                        .param("t", t)
                                        .query(Long.class)
                                        .single()
                                > 0) {
                            errors.add(row, "terminalPhone", "终端号已登记 terminal already registered");
                        }
                        String plateKey = r.plate().trim() + "/" + r.plateColor();
                        if (!plates.add(plateKey)) {
                            errors.add(row, "plate", "文件内车牌重复 duplicate plate in file");
                        } else if (jdbc.sql("SELECT COUNT(*) FROM muck_vehicle WHERE plate = :p AND plate_color = :c")
                                        .param("p", r.plate().trim())
                                        .param("c", r.plateColor())
                                        .query(Long.class)
                                        .single()
                                > 0) {
                            errors.add(row, "plate", "车牌已登记 plate already registered");
                        }
                    } catch (DomainException e) {
                        errors.add(row, e.field(), e.getMessage());
                    }
                }
                requests.add(r);
            }
        }
        if (!errors.isEmpty()) {
            throw new ImportRejected(RowError.of(errors));
        }
        requests.forEach(r -> vehicles.createVehicle(me, r));
        return requests.size();
    }

    @Transactional
    public int importCompanies(StaffMember me, InputStream in) {
        SheetErrors errors = new SheetErrors();
        List<CompanyRequest> requests = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        try (UploadedWorkbook wb = UploadedWorkbook.open(in)) {
            for (DataRow row : dataRows(wb)) {
                int before = errors.size();
                LocalDate until = row.date(4, "qualificationUntil", errors);
                CompanyRequest r = new CompanyRequest(
                        row.textOrNull(0),
                        row.textOrNull(1),
                        row.textOrNull(2),
                        row.textOrNull(3),
                        until,
                        row.textOrNull(5),
                        row.textOrNull(6),
                        row.textOrNull(7),
                        row.textOrNull(8));
                validate(r, row, errors);
                if (errors.size() == before) {
                    if (!codes.add(r.code().trim())) {
                        errors.add(row, "code", "文件内编码重复 duplicate code in file");
                    } else if (jdbc.sql("SELECT COUNT(*) FROM muck_company WHERE code = :c")
                                    .param("c", r.code().trim())
                                    .query(Long.class)
                                    .single()
                            > 0) {
                        errors.add(row, "code", "企业编码已存在 company code exists");
                    }
                }
                requests.add(r);
            }
        }
        if (!errors.isEmpty()) {
            throw new ImportRejected(RowError.of(errors));
        }
        requests.forEach(r -> companies.createCompany(me, r));
        return requests.size();
    }

    private <T> void validate(T request, DataRow row, SheetErrors errors) {
        for (ConstraintViolation<T> v : validator.validate(request)) {
            errors.add(row, v.getPropertyPath().toString(), v.getMessage());
        }
    }

    /** The first sheet's rows below its header (blank rows skipped); a file without any is refused. */
    private static List<DataRow> dataRows(UploadedWorkbook wb) {
        List<DataRow> rows = wb.firstSheet().dataRows(MAX_ROWS);
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
