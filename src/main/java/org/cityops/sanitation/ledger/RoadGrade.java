package org.cityops.sanitation.ledger;

/**
 * 道路清扫保洁等级 (CJJ/T 126-2022 城市道路清扫保洁与质量评价标准): the cleaning grade of a road, which decides how
 * often and how well it must be cleaned; one to four, one the highest.
 */
public enum RoadGrade {
    GRADE_1("一级"),
    GRADE_2("二级"),
    GRADE_3("三级"),
    GRADE_4("四级");

    private final String label;

    RoadGrade(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** GRADE_2, 2, 二级 or 二 → GRADE_2; null if none. */
    public static RoadGrade parse(String text) {
        if (text == null) {
            return null;
        }
        String t = text.trim();
        for (RoadGrade g : values()) {
            if (g.name().equalsIgnoreCase(t)
                    || g.label.equals(t)
                    || g.label.substring(0, 1).equals(t)
                    || t.equals(String.valueOf(g.ordinal() + 1))) {
                return g;
            }
        }
        return null;
    }
}
