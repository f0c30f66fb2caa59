package org.cityops.sanitation.collection;

/** Kind of a garbage collection point (垃圾收集点). */
public enum PointKind {
    /** 地埋桶 (underground bin): a route's ordinary stop */
    BIN("地埋桶"),
    /** 转运站 (transfer station): where a collector unloads; every arrival is recorded */
    TRANSFER_STATION("转运站");

    private final String label;

    PointKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
