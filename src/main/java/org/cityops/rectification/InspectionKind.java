package org.cityops.rectification;

/** What kind of inspection fed the problems back. */
public enum InspectionKind {
    /** 巡察 (by a city or county party committee) */
    PATROL("巡察"),
    /** 巡视 (by the central or a provincial party committee) */
    CIRCUIT("巡视"),
    /** 审计 */
    AUDIT("审计"),
    /** 督查 */
    SUPERVISION("督查"),
    /** 回头看: a follow-up inspection of an earlier one's rectification */
    LOOK_BACK("回头看");

    private final String label;

    InspectionKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** English name or Chinese label; else guessed from a name such as 巡察“回头看”; PATROL by default. */
    public static InspectionKind parse(String text) {
        if (text == null || text.isBlank()) {
            return PATROL;
        }
        String t = text.trim();
        for (InspectionKind k : values()) {
            if (k.name().equalsIgnoreCase(t) || k.label.equals(t)) {
                return k;
            }
        }
        for (InspectionKind k : new InspectionKind[] {LOOK_BACK, CIRCUIT, AUDIT, SUPERVISION, PATROL}) {
            if (t.contains(k.label)) {
                return k;
            }
        }
        return null;
    }
}
