package org.cityops.assessment;

import java.time.Instant;
import java.util.Objects;

/**
 * One step of one case as the assessment module records it (its own projection of the case record). The cases
 * module (through an adapter of the lead) sends one fact per step to {@link CaseFactSink}. Area codes, channel
 * and flags are the case's at the time of the step. See docs/assessment.md for the exact contract.
 *
 * @param eventId         unique id of this step (idempotency key; a repeated id is ignored)
 * @param caseId          the case's id in the cases module
 * @param caseNumber      the case's number as shown to people
 * @param categoryCode    the case category code (部件/事件 小类)
 * @param channel         where the case came from: INSPECTOR (监督员上报) or a public channel (HOTLINE, PUBLIC,
 *                        MEDIA, LEADER, VIDEO, ALERT, ...). Everything that is not INSPECTOR is a 监督举报 channel.
 * @param gridCode        15-digit unit grid code, or null
 * @param communityCode   12-digit community code, or null
 * @param streetCode      9-digit street code, or null
 * @param districtCode    6-digit district code, or null
 * @param departmentCode  the department the step concerns (see {@link StepAction}), or null
 * @param action          what the step did
 * @param actor           username of who did it (null for the system)
 * @param actorRole       the role they acted in: INSPECTOR, OPERATOR, SHIFT_LEADER, DISPATCHER, HANDLER, SYSTEM, PUBLIC
 * @param assignee        per action, see {@link StepAction}
 * @param reporter        username of the inspector who reported the case (channel INSPECTOR), else null
 * @param occurredAt      when the step happened
 * @param dueAt           the deadline relevant to the step, or null
 * @param onTime          the step was done within its own step time limit (环节时限), null when not applicable
 * @param byDeadline      HANDLED and CLOSED: the handling was done within the 处置期限 (after approved extensions)
 * @param leaderAssigned  领导交办 case
 * @param mediaExposed    媒体曝光 case
 * @param supervised      督办 case
 * @param satisfaction    RETURN_VISIT only: 0..100
 * @param reason          free text (return reason, void reason, ...), may be null
 */
public record CaseStepFact(
        String eventId,
        long caseId,
        String caseNumber,
        String categoryCode,
        String channel,
        String gridCode,
        String communityCode,
        String streetCode,
        String districtCode,
        String departmentCode,
        StepAction action,
        String actor,
        String actorRole,
        String assignee,
        String reporter,
        Instant occurredAt,
        Instant dueAt,
        Boolean onTime,
        Boolean byDeadline,
        boolean leaderAssigned,
        boolean mediaExposed,
        boolean supervised,
        Integer satisfaction,
        String reason) {

    public CaseStepFact {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(occurredAt, "occurredAt");
        if (satisfaction != null && (satisfaction < 0 || satisfaction > 100)) {
            throw new IllegalArgumentException("satisfaction must be 0..100");
        }
    }

    /** The channel of cases reported by the platform's own inspectors; all others are 监督举报 channels. */
    public static final String INSPECTOR_CHANNEL = "INSPECTOR";
}
