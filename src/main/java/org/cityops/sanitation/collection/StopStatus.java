package org.cityops.sanitation.collection;

/** How a route's stop stands on a day. */
public enum StopStatus {
    /** the route's vehicle stopped there within the stop's time window */
    VISITED("已收运"),
    /** stopped there on the day, but not within the window */
    OUTSIDE_WINDOW("窗口外收运"),
    /** the window has ended without a stop there: an alert (and optionally a case) */
    MISSED("漏收"),
    /** the window has not ended yet and no stop so far */
    PENDING("待收运");

    private final String label;

    StopStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
