package org.cityops.notify.internal;

import java.util.Locale;
import org.cityops.notify.NoticeKind;

/**
 * The dispatcher's lanes (发送通道优先级): each is claimed by itself, in this order, and paced by itself
 * ({@link DeliveryPace}), so a burst in one lane never takes another's turn or budget.
 *
 * <ul>
 *   <li>{@code URGENT} — the kinds that must not wait (超期, 督办, 舆情回复超期; {@link NoticeKind#urgent()}): claimed first
 *       in every round, uncapped by default;
 *   <li>{@code TASK} — one notice per piece of work, created at the rate the work arrives (监督员任务 of each new case,
 *       舆情转办, 渣土车报警, 回访评价): a budget above what a busy hour creates, so they keep flowing;
 *   <li>{@code BULK} — the kinds that come in bursts from a clock or a publication (案件预警 of many cases at once,
 *       整改措施逾期 of the daily run, 考核结果发布): paced so that a burst of 10,000 goes out within the minute without
 *       taking the CPU case intake needs.
 * </ul>
 *
 * A row's lane is written with it ({@code notify_outbox.lane}) and does not change.
 */
public enum DeliveryLane {
    URGENT,
    TASK,
    BULK;

    /** The lane of a kind; every kind has one (a new kind does not compile until it is placed). */
    public static DeliveryLane of(NoticeKind kind) {
        if (kind.urgent()) {
            return URGENT;
        }
        return switch (kind) {
            case INSPECTOR_TASK, OPINION_FORWARDED, MUCK_ALARM, VISIT_LINK -> TASK;
            case CASE_WARNING, MEASURE_OVERDUE, ASSESSMENT_PUBLISHED -> BULK;
            case CASE_OVERDUE, CASE_SUPERVISED, OPINION_REPLY_OVERDUE -> URGENT;
        };
    }

    /** As stored in {@code notify_outbox.lane}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
