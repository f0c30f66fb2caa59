package org.cityops.enforcement.construction;

import java.util.Set;

/**
 * 违建状态: 在建 → 已建; either → 已拆除 (recorded with before and after photos) or 已整改 (补办手续 / 改正, the same
 * record). 已拆除 and 已整改 are final.
 */
public enum StructureStatus {
    UNDER_CONSTRUCTION("在建"),
    BUILT("已建"),
    DEMOLISHED("已拆除"),
    RECTIFIED("已整改");

    private final String label;

    StructureStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean standing() {
        return this == UNDER_CONSTRUCTION || this == BUILT;
    }

    /** Whether a structure may go from this status to {@code to}. */
    public boolean mayBecome(StructureStatus to) {
        return switch (this) {
            case UNDER_CONSTRUCTION -> Set.of(BUILT, DEMOLISHED, RECTIFIED).contains(to);
            case BUILT -> Set.of(DEMOLISHED, RECTIFIED).contains(to);
            case DEMOLISHED, RECTIFIED -> false;
        };
    }
}
