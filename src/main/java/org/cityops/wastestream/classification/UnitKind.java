package org.cityops.wastestream.classification;

/** The places classification covers: 小区 (residential community), 单位, 学校, 医院, 银行网点, 公共机构. */
public enum UnitKind {
    RESIDENTIAL("小区"),
    UNIT("单位"),
    SCHOOL("学校"),
    HOSPITAL("医院"),
    BANK("银行网点"),
    PUBLIC("公共机构");

    private final String label;

    UnitKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** By code or Chinese label; null when neither. */
    public static UnitKind parse(String text) {
        if (text == null) {
            return null;
        }
        String t = text.trim();
        for (UnitKind k : values()) {
            if (k.name().equalsIgnoreCase(t) || k.label.equals(t)) {
                return k;
            }
        }
        return null;
    }
}
