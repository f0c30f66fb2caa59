package org.cityops.wastestream.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A producer as entered (page, API or a spreadsheet row), before it is checked.
 *
 * @param creditCode     统一社会信用代码
 * @param foodLicence    食品经营许可证编号 (JY + 14 digits), optional
 * @param category       code or label of {@link ProducerCategory}
 * @param expectedKgDay  预计日产生量 (kg)
 * @param collector      收运单位 (the contracted collector)
 * @param contractFrom   收运合同起始日; with {@code contractTo} the contract's term, both inclusive
 */
public record ProducerDraft(
        String creditCode,
        String name,
        String foodLicence,
        String address,
        Double lat,
        Double lon,
        String category,
        BigDecimal expectedKgDay,
        String collector,
        LocalDate contractFrom,
        LocalDate contractTo) {}
