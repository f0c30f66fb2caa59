package org.cityops.opinion.web;

import java.time.Instant;
import org.cityops.opinion.item.OpinionItem;

/** An item as the API answers it: codes with their Chinese labels beside them. */
record ItemJson(
        long id,
        String title,
        String source,
        String sourceLabel,
        String url,
        String summary,
        Instant publishedAt,
        Instant receivedAt,
        String place,
        Double lat,
        Double lon,
        String level,
        String levelLabel,
        String status,
        String statusLabel,
        String dismissReason,
        Long departmentId,
        String departmentName,
        String forwardNote,
        Instant replyDueAt,
        String reply,
        Instant repliedAt,
        Instant escalatedAt,
        Long caseId,
        String caseNumber,
        String caseFailure) {

    static ItemJson of(OpinionItem i) {
        return new ItemJson(
                i.id(),
                i.title(),
                i.source().name(),
                i.sourceLabel(),
                i.url(),
                i.summary(),
                i.publishedAt(),
                i.receivedAt(),
                i.place(),
                i.lat(),
                i.lon(),
                i.level().name(),
                i.level().label(),
                i.status().name(),
                i.status().label(),
                i.dismissReason(),
                i.departmentId(),
                i.departmentName(),
                i.forwardNote(),
                i.replyDueAt(),
                i.reply(),
                i.repliedAt(),
                i.escalatedAt(),
                i.caseId(),
                i.caseNumber(),
                i.caseFailure());
    }
}
