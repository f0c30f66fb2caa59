package org.cityops.wastestream.classification;

/**
 * The four major classes of GB/T 19095-2019 生活垃圾分类标志, with the colour the standard gives their signs (可回收物
 * blue, 有害垃圾 red, 厨余垃圾 green, 其他垃圾 grey). Labels come from the messages ({@code ws.cls.class.*}).
 */
public enum WasteClass {
    RECYCLABLE("可回收物", "#0067b1"),
    HAZARDOUS("有害垃圾", "#e60012"),
    KITCHEN("厨余垃圾", "#00a15e"),
    OTHER("其他垃圾", "#6d7179");

    private final String label;
    private final String colour;

    WasteClass(String label, String colour) {
        this.label = label;
        this.colour = colour;
    }

    public String label() {
        return label;
    }

    public String colour() {
        return colour;
    }

    /** The import's column of this class's bin count. */
    public String column() {
        return label + "(个)";
    }
}
