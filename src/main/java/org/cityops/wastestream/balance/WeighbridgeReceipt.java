package org.cityops.wastestream.balance;

import java.math.BigDecimal;
import java.time.Instant;

/** A receipt of the treatment plant's weighbridge (地磅计量单): the vehicle in and out, gross, tare and net. */
public record WeighbridgeReceipt(
        String receiptNo,
        String plate,
        Instant inAt,
        Instant outAt,
        BigDecimal grossKg,
        BigDecimal tareKg,
        BigDecimal netKg) {}
