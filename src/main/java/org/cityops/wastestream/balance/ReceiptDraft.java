package org.cityops.wastestream.balance;

import java.math.BigDecimal;
import java.time.Instant;

/** A weighbridge receipt as the plant's system sends it, before it is checked. */
public record ReceiptDraft(
        String receiptNo,
        String plate,
        Instant inAt,
        Instant outAt,
        BigDecimal grossKg,
        BigDecimal tareKg,
        BigDecimal netKg) {}
