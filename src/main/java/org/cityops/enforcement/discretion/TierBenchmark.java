package org.cityops.enforcement.discretion;

import java.math.BigDecimal;

/** One tier of an item's benchmark: when it applies (情形) and the fine range it allows, in yuan. */
public record TierBenchmark(Tier tier, String conditions, BigDecimal fineMin, BigDecimal fineMax) {

    public boolean allows(BigDecimal fine) {
        return fine.compareTo(fineMin) >= 0 && fine.compareTo(fineMax) <= 0;
    }
}
