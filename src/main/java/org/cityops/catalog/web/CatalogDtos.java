package org.cityops.catalog.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.cityops.catalog.CategoryKind;
import org.cityops.catalog.ProcessStage;
import org.cityops.catalog.TimeBasis;
import org.cityops.catalog.TimeLimit;
import org.cityops.catalog.Urgency;
import org.cityops.catalog.internal.CatalogSnapshot;
import org.cityops.catalog.internal.Category;
import org.cityops.catalog.internal.RoutingRule;
import org.cityops.platform.InvalidInputException;

/** Request and response bodies of the catalogue API. */
final class CatalogDtos {

    private CatalogDtos() {}

    record CategoryDto(
            long id,
            String standard,
            CategoryKind kind,
            String kindLabel,
            String code,
            String qualifiedCode,
            String name,
            String majorCode,
            String majorName,
            String filingCondition,
            String closingCondition,
            boolean active,
            int version) {

        static CategoryDto of(Category c) {
            return new CategoryDto(
                    c.id(),
                    c.standard(),
                    c.kind(),
                    c.kind().label(),
                    c.code(),
                    c.qualifiedCode(),
                    c.name(),
                    c.majorCode(),
                    c.majorName(),
                    c.filingCondition(),
                    c.closingCondition(),
                    c.active(),
                    c.version());
        }
    }

    /** One effective limit; {@code source} is CATEGORY (its own) or DEFAULT (the catalogue's). */
    record LimitDto(
            ProcessStage stage, Urgency urgency, long minutes, BigDecimal hours, TimeBasis basis, String source) {

        static LimitDto of(ProcessStage stage, Urgency urgency, TimeLimit l, String source) {
            return new LimitDto(
                    stage, urgency, l.duration().toMinutes(), CatalogDtos.hours(l.duration()), l.basis(), source);
        }
    }

    record CategoryDetail(CategoryDto category, List<LimitDto> limits) {

        static CategoryDetail of(Category c, CatalogSnapshot s) {
            List<LimitDto> limits = new ArrayList<>();
            for (ProcessStage stage : ProcessStage.values()) {
                for (Urgency u : Urgency.values()) {
                    var own = s.ownLimit(c.id(), stage, u);
                    limits.add(
                            own.isPresent()
                                    ? LimitDto.of(stage, u, own.get(), "CATEGORY")
                                    : LimitDto.of(stage, u, s.defaultLimit(stage, u), "DEFAULT"));
                }
            }
            return new CategoryDetail(CategoryDto.of(c), limits);
        }
    }

    record Page<T>(List<T> items, long total, int page, int size) {}

    record CategoryCreate(
            @Size(max = 32) String standard,
            @NotNull CategoryKind kind,
            @NotBlank @Size(max = 16) String code,
            @NotBlank @Size(max = 200) String name,
            @Size(max = 16) String majorCode,
            @NotBlank @Size(max = 100) String majorName,
            @Size(max = 4000) String filingCondition,
            @Size(max = 4000) String closingCondition,
            Boolean active) {}

    record CategoryUpdate(
            @Size(max = 200) String name,
            @Size(max = 16) String majorCode,
            @Size(max = 100) String majorName,
            @Size(max = 4000) String filingCondition,
            @Size(max = 4000) String closingCondition,
            Boolean active,
            @NotNull Integer version) {}

    record LimitEntry(
            @NotNull ProcessStage stage,
            @NotNull Urgency urgency,

            @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("8784")
            BigDecimal hours,

            @NotNull TimeBasis basis) {

        TimeLimit toLimit() {
            return new TimeLimit(duration(hours, "hours"), basis);
        }
    }

    record LimitsRequest(@NotNull @Valid @Size(max = 18) List<LimitEntry> limits) {}

    record RuleDto(
            long id,
            String selector,
            String areaPrefix,
            String areaName,
            String departmentCode,
            String departmentName,
            String note,
            int version,
            int specificity) {

        static RuleDto of(RoutingRule r, String areaName, String departmentName) {
            return new RuleDto(
                    r.id(),
                    r.selector(),
                    r.areaPrefix(),
                    areaName,
                    r.departmentCode(),
                    departmentName,
                    r.note(),
                    r.version(),
                    r.specificity());
        }
    }

    record RuleRequest(
            @NotBlank @Size(max = 48) String selector,
            @Size(max = 15) String areaPrefix,
            @NotBlank @Size(max = 32) String departmentCode,
            @Size(max = 200) String note,
            Integer version) {}

    static BigDecimal hours(Duration d) {
        return BigDecimal.valueOf(d.toMinutes())
                .divide(BigDecimal.valueOf(60), 4, RoundingMode.HALF_UP)
                .stripTrailingZeros();
    }

    /** Hours as a duration of whole minutes; 400 if not whole minutes. */
    static Duration duration(BigDecimal hours, String field) {
        BigDecimal minutes = hours.multiply(BigDecimal.valueOf(60));
        try {
            return Duration.ofMinutes(minutes.longValueExact());
        } catch (ArithmeticException e) {
            throw new InvalidInputException("时限须为整分钟 hours must be whole minutes: " + hours, field);
        }
    }
}
