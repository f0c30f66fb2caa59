package org.cityops.wastestream.balance;

import java.util.List;

/** A closed trip with its weighbridge receipt and the pickups it balances (趟次详情). */
public record TripDetail(Trip trip, WeighbridgeReceipt receipt, String districtCode, List<TripPickup> pickups) {}
