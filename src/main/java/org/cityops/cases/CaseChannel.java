package org.cityops.cases;

/** Where a report came from (案件来源). */
public enum CaseChannel {
    /** 12319 热线 */
    HOTLINE("12319热线"),
    /** 监督员上报 */
    INSPECTOR("监督员上报"),
    /** 公众网上举报 */
    CITIZEN("公众举报"),
    /** Open311 GeoReport v2 client */
    OPEN311("Open311"),
    /** 媒体曝光 / 网络舆情 */
    MEDIA("媒体舆情"),
    /** 领导交办 */
    LEADER("领导交办"),
    /** raised by another module (e.g. 渣土 alarms, 物联网报警) */
    ALERT("系统报警");

    private final String label;

    CaseChannel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /**
     * Whether staff may take a case in from this channel (热线, 监督员, 媒体, 领导交办) on the intake page or the
     * staff API; the public report page, Open311 and other modules' alarms have their own doors.
     */
    public boolean takenByStaff() {
        return this == HOTLINE || this == INSPECTOR || this == MEDIA || this == LEADER;
    }
}
