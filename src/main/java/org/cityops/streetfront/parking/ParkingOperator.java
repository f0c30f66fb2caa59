package org.cityops.streetfront.parking;

/** 共享单车运营企业 with its 投放上限 (fleet cap, bicycles allowed in the city). */
public record ParkingOperator(long id, String code, String name, String creditCode, int fleetCap) {}
