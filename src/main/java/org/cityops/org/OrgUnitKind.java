package org.cityops.org;

/** Levels of the administrative tree (行政区划), with the length of their codes. */
public enum OrgUnitKind {
    /** 市, 6 digits (GB/T 2260) */
    CITY("市", 6),
    /** 区 / 县级市, 6 digits (GB/T 2260) */
    DISTRICT("区/县级市", 6),
    /** 街道 / 镇, 9 digits (GB/T 10114 style) */
    STREET("街道/镇", 9),
    /** 社区 / 村, 12 digits */
    COMMUNITY("社区/村", 12);

    private final String label;
    private final int codeLength;

    OrgUnitKind(String label, int codeLength) {
        this.label = label;
        this.codeLength = codeLength;
    }

    public String label() {
        return label;
    }

    public int codeLength() {
        return codeLength;
    }
}
