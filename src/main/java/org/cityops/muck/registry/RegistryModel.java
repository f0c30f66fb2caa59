package org.cityops.muck.registry;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Requests and views of the construction-waste registry (登记备案). Geometries are WGS-84 WKT, lon lat. */
public final class RegistryModel {

    private RegistryModel() {}

    static final String HHMM = "^([01]\\d|2[0-3]):[0-5]\\d$";
    static final String DISTRICT = "^\\d{6,15}$";

    // ---- 运输企业
    public record CompanyRequest(
            @NotBlank @Size(max = 64) String code,
            @NotBlank @Size(max = 200) String name,
            @Size(max = 100) String licenseNo,
            @Size(max = 200) String qualification,
            LocalDate qualificationUntil,
            @Size(max = 100) String contact,
            @Size(max = 32) String phone,
            @Pattern(regexp = DISTRICT) String districtCode,
            @Pattern(regexp = "^(ACTIVE|SUSPENDED)$") String status) {}

    public record Company(
            long id,
            String code,
            String name,
            String licenseNo,
            String qualification,
            LocalDate qualificationUntil,
            String contact,
            String phone,
            String districtCode,
            String status,
            long vehicles) {}

    // ---- 车辆
    public record VehicleRequest(
            @NotBlank @Size(max = 32) String plate,
            @NotNull @Min(0) @Max(9) Integer plateColor,
            @NotBlank @Size(max = 24) String terminalPhone,
            Long companyId,
            @DecimalMin("0") BigDecimal ratedLoadT,
            @DecimalMin("0") BigDecimal ratedVolumeM3,
            @Size(max = 32) String bodyType,
            @Pattern(regexp = DISTRICT) String districtCode,

            @Pattern(regexp = "^(ACTIVE|SUSPENDED|RETIRED)$")
            String status) {}

    public record Vehicle(
            long id,
            String plate,
            int plateColor,
            String terminalPhone,
            Long companyId,
            String companyName,
            BigDecimal ratedLoadT,
            BigDecimal ratedVolumeM3,
            String bodyType,
            String districtCode,
            String status,
            Instant createdAt) {}

    // ---- 驾驶员
    public record DriverRequest(
            Long companyId,
            @NotBlank @Size(max = 100) String name,
            @NotBlank @Size(max = 64) String licenseNo,
            @Size(max = 32) String phone,
            Long vehicleId,
            @Pattern(regexp = "^(ACTIVE|SUSPENDED)$") String status,
            LocalDate licenseUntil) {}

    /** A driver; in the data scope of the company's district (a driver without a company: city-wide users only). */
    public record Driver(
            long id,
            Long companyId,
            String companyName,
            String name,
            String licenseNo,
            String phone,
            Long vehicleId,
            String vehiclePlate,
            String status,
            LocalDate licenseUntil) {}

    // ---- 即将到期 (expiring soon)
    /** What lapses: a company's qualification (资质), a permit (核准), a driver's licence (驾驶证). */
    public enum ExpiryKind {
        COMPANY_QUALIFICATION("companies"),
        PERMIT("permits"),
        DRIVER_LICENSE("drivers");

        private final String registryKind;

        ExpiryKind(String registryKind) {
            this.registryKind = registryKind;
        }

        /** The registry kind whose form edits the record ({@code /muck/registry/{kind}/edit}). */
        public String registryKind() {
            return registryKind;
        }
    }

    /**
     * One record that lapses within the window or has lapsed: {@code name} is the company's, the permit's site's or
     * the driver's name, {@code number} the company's licence, the permit's or the driving licence's number;
     * {@code daysLeft} is negative once {@code expired} (the date itself is the last valid day).
     */
    public record Expiring(
            ExpiryKind kind,
            long id,
            String name,
            String number,
            Long companyId,
            String companyName,
            LocalDate date,
            long daysLeft,
            boolean expired) {}

    /** The expiring-soon list as of {@code today} (city time) up to {@code until} = today + days. */
    public record ExpiringList(LocalDate today, int days, LocalDate until, List<Expiring> items) {}

    // ---- 工地 (一工地一档案)
    public record SiteRequest(
            @NotBlank @Size(max = 64) String code,
            @NotBlank @Size(max = 200) String name,
            @Pattern(regexp = DISTRICT) String districtCode,
            @Size(max = 300) String address,
            @NotBlank String polygon,
            String gates,
            @Size(max = 200) String developer,
            @Size(max = 200) String contractor,
            @DecimalMin("0") BigDecimal declaredVolumeM3,
            @Size(max = 100) String wastePlanNo,
            LocalDate wastePlanFiledOn,

            @Pattern(regexp = "^(ACTIVE|SUSPENDED|FINISHED)$")
            String status) {}

    public record Site(
            long id,
            String code,
            String name,
            String districtCode,
            String address,
            String polygon,
            String gates,
            String developer,
            String contractor,
            BigDecimal declaredVolumeM3,
            String wastePlanNo,
            LocalDate wastePlanFiledOn,
            String status) {}

    public record SiteRecordRequest(
            @NotNull @Pattern(regexp = "^(DOCUMENT|DUTY|INSPECTION)$")
            String kind,

            Instant recordedAt,
            @Size(max = 100) String person,
            @NotBlank @Size(max = 200) String title,
            @Size(max = 2000) String note) {}

    public record SiteRecord(
            long id,
            long siteId,
            String kind,
            Instant recordedAt,
            String person,
            String title,
            String note,
            String createdBy) {}

    // ---- 消纳场
    public record DisposalSiteRequest(
            @NotBlank @Size(max = 64) String code,
            @NotBlank @Size(max = 200) String name,
            @Pattern(regexp = DISTRICT) String districtCode,
            @Size(max = 300) String address,
            @NotBlank String polygon,
            @DecimalMin("0") BigDecimal capacityM3,
            @DecimalMin("0") BigDecimal remainingM3,
            @Size(max = 300) String acceptedTypes,
            @Pattern(regexp = "^(ACTIVE|SUSPENDED|CLOSED)$") String status) {}

    public record DisposalSite(
            long id,
            String code,
            String name,
            String districtCode,
            String address,
            String polygon,
            BigDecimal capacityM3,
            BigDecimal remainingM3,
            String acceptedTypes,
            String status) {}

    // ---- 核准
    public record PermitRequest(
            @NotBlank @Size(max = 64) String permitNo,
            Long companyId,
            @NotNull Long siteId,
            @NotNull Long disposalSiteId,
            String route,
            @Min(10) @Max(1000) Integer corridorM,
            @NotNull LocalDate validFrom,
            @NotNull LocalDate validTo,
            @Pattern(regexp = HHMM) String dailyStart,
            @Pattern(regexp = HHMM) String dailyEnd,
            @Size(max = 500) List<Long> vehicleIds,
            @Pattern(regexp = "^(ACTIVE|REVOKED)$") String status) {}

    public record Permit(
            long id,
            String permitNo,
            Long companyId,
            long siteId,
            String siteName,
            long disposalSiteId,
            String disposalSiteName,
            String route,
            int corridorM,
            LocalDate validFrom,
            LocalDate validTo,
            String dailyStart,
            String dailyEnd,
            String status,
            List<Long> vehicleIds) {}

    // ---- 禁行区 / 限速区
    public record ZoneRequest(
            @NotBlank @Size(max = 200) String name,
            @NotNull @Pattern(regexp = "^(NO_GO|SPEED)$") String kind,
            @NotBlank String polygon,
            @Min(5) @Max(150) Integer speedLimitKmh,
            @Pattern(regexp = HHMM) String windowStart,
            @Pattern(regexp = HHMM) String windowEnd,
            @Pattern(regexp = DISTRICT) String districtCode,
            Boolean active) {}

    public record Zone(
            long id,
            String name,
            String kind,
            String polygon,
            Integer speedLimitKmh,
            String windowStart,
            String windowEnd,
            String districtCode,
            boolean active) {}
}
