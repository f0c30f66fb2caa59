package org.cityops.muck.engine;

/** Load state (载货状态) from JT/T 808 status bits 8-9: 00 empty, 01 half, 11 full. */
public enum LoadState {
    /** 空车 */
    EMPTY,
    /** 半载 */
    HALF,
    /** 满载 */
    FULL;

    /** Reads bits 8-9; the reserved value 10 is read as loaded (FULL), the safe side for supervision. */
    public static LoadState fromStatus(long statusBits) {
        int bits = (int) ((statusBits >> 8) & 0b11);
        switch (bits) {
            case 0:
                return EMPTY;
            case 1:
                return HALF;
            default:
                return FULL;
        }
    }

    public boolean loaded() {
        return this != EMPTY;
    }

    /** Share of the body's volume a trip in this state carries. */
    public double volumeShare() {
        return this == FULL ? 1.0 : this == HALF ? 0.5 : 0.0;
    }
}
