package org.cityops.muck.engine;

/** The alarms the engine raises (报警类型). */
public enum AlarmType {
    /** 离线: no report while a permit is active */
    OFFLINE("车辆离线"),
    /** 偏离路线: loaded and outside the approved corridor */
    ROUTE_DEVIATION("偏离核准路线"),
    /** 闯禁区: inside a no-go zone during its window */
    FORBIDDEN_ZONE("闯入禁行区"),
    /** 禁行时段: moving loaded outside the permit's daily window */
    FORBIDDEN_TIME("禁行时段运输"),
    /** 超速 */
    SPEEDING("超速"),
    /** 乱倒乱卸: emptied, or a long loaded stop, outside an approved disposal site */
    ILLEGAL_UNLOADING("非法倾倒"),
    /** 无证运输: loaded trip without a valid permit */
    NO_PERMIT("无核准运输"),
    /** 紧急报警 (alarm bit 0) */
    TERMINAL_EMERGENCY("紧急报警"),
    /** 主电源断电 (alarm bit 8) */
    TERMINAL_POWER_CUT("终端断电"),
    /** GNSS 天线未接或被剪断 (alarm bit 5) */
    TERMINAL_ANTENNA_CUT("天线剪断"),
    /** 终端被破坏: GNSS module fault, antenna short circuit, main power under-voltage (bits 4, 6, 7) */
    TERMINAL_TAMPERING("终端异常/破坏"),
    /** 未密闭: moving loaded while the lid sensor (a configured status bit) says the body is open */
    UNSEALED("未密闭运输");

    private final String label;

    AlarmType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The label of a stored type code, or the code itself if it is not (or no longer) a type. */
    public static String labelOf(String code) {
        for (AlarmType t : values()) {
            if (t.name().equals(code)) {
                return t.label;
            }
        }
        return code;
    }

    /** The JT/T 808 alarm bits that raise this type, or 0 for alarms the platform computes. */
    public long terminalMask() {
        switch (this) {
            case TERMINAL_EMERGENCY:
                return 1L;
            case TERMINAL_POWER_CUT:
                return 1L << 8;
            case TERMINAL_ANTENNA_CUT:
                return 1L << 5;
            case TERMINAL_TAMPERING:
                return (1L << 4) | (1L << 6) | (1L << 7);
            default:
                return 0L;
        }
    }
}
