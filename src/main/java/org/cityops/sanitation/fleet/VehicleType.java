package org.cityops.sanitation.fleet;

/** 环卫车辆类型. */
public enum VehicleType {
    SWEEPER("扫路车"),
    WASHER_SWEEPER("洗扫车"),
    SPRINKLER("洒水车"),
    CLEANER("清洗车"),
    COLLECTOR("垃圾收运车");

    private final String label;

    VehicleType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
