package org.cityops.enforcement.procedure;

/**
 * How a statutory limit counts days. 《行政处罚法》第八十五条: "本法中'二日''三日''五日''七日'的规定是指工作日，不含法定
 * 节假日" — those are {@link #WORKING} days; every other limit counts natural days ({@link #NATURAL}).
 */
public enum DayBasis {
    /** 自然日 */
    NATURAL("自然日"),
    /** 工作日 (by the working calendar: weekends and 法定节假日 off, 调休 workdays on) */
    WORKING("工作日");

    private final String label;

    DayBasis(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
