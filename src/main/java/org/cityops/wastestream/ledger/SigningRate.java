package org.cityops.wastestream.ledger;

/**
 * 签约收集率 of a district on a day: producers with a collection contract in force ÷ producers in the ledger.
 */
public record SigningRate(String districtCode, long producers, long signed) {

    public double rate() {
        return producers == 0 ? 0 : (double) signed / producers;
    }
}
