package org.cityops.opinion.item;

import java.time.Instant;

/** One 舆情 item with its triage as stored. */
public record OpinionItem(
        long id,
        String title,
        OpinionSource source,
        String feedName,
        String url,
        String summary,
        Instant publishedAt,
        Instant receivedAt,
        String place,
        Double lat,
        Double lon,
        OpinionLevel level,
        OpinionStatus status,
        String createdBy,
        String dismissReason,
        Long departmentId,
        String departmentName,
        String forwardNote,
        Instant replyDueAt,
        Instant forwardedAt,
        String forwardedBy,
        String reply,
        Instant repliedAt,
        String repliedBy,
        Instant escalatedAt,
        Long caseId,
        String caseNumber,
        String caseFailure,
        int version) {

    /** 来源 as a reader says it: the feed's name for a feed item. */
    public String sourceLabel() {
        return source == OpinionSource.FEED && feedName != null ? feedName : source.label();
    }

    /** Forwarded and the deadline passed without a reply (also before the scheduled check marked it). */
    public boolean replyLate(Instant now) {
        return replyDueAt != null && repliedAt == null && now.isAfter(replyDueAt);
    }
}
