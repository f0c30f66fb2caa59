package org.cityops.rectification;

import java.time.LocalDate;

/**
 * A rectification measure (整改措施) is overdue (逾期): its deadline passed and it is not 已完成. Published by the
 * daily warning run in the transaction that records the day's 逾期 warning, so once per measure and day; an
 * overdue episode is one measure with one deadline (a new deadline is a new episode), which is what {@link
 * #episodeKey()} says.
 *
 * @param title              the measure's title (or the start of its text)
 * @param leadDepartment     牵头部门 as written in the ledger
 * @param leadDepartmentId   the org module's department when the name matched one, else null
 * @param leaderUsername     the 责任领导's account when known, else null (then every leader is escalated to)
 * @param responsibleLeader  责任领导 as written
 */
public record MeasureOverdue(
        long measureId,
        String title,
        String leadDepartment,
        Long leadDepartmentId,
        String leaderUsername,
        String responsibleLeader,
        LocalDate deadline,
        LocalDate flaggedOn) {

    /** The same for every day of one overdue episode: the measure and its deadline. */
    public String episodeKey() {
        return measureId + ":" + deadline;
    }
}
