package org.cityops.enforcement.construction;

/** 违建类型. */
public enum StructureKind {
    ROOF_ADDITION("屋顶加层"),
    ROOF_SHED("楼顶搭建"),
    YARD_ENCLOSURE("圈占院落搭建"),
    GROUND_FLOOR_EXTENSION("底层外扩"),
    TEMPORARY_SHED("违法临时棚房"),
    NEW_BUILDING("违法新建房屋"),
    OTHER("其他");

    private final String label;

    StructureKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
