package org.cityops.wastestream.balance;

/**
 * 日产日清率 of a district on a day: signed producers with at least one pickup that day ÷ signed producers (a
 * contract in force that day). Kitchen waste is to be cleared the day it is produced (日产日清).
 */
public record DailyClearance(String districtCode, long signed, long cleared) {

    public double rate() {
        return signed == 0 ? 0 : (double) cleared / signed;
    }
}
