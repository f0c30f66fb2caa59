package org.cityops.cases;

import java.util.OptionalLong;

/** A case was opened for a {@link CaseRequested} (or failed to: {@code caseId} null and a reason). */
public record CaseOpened(String sourceModule, String sourceRef, Long caseId, String caseNumber, String failure) {

    /**
     * The requester's own numeric id, when this answer is for {@code module} and its reference is {@code prefix}
     * followed by a number ({@code ""} for a bare number); empty for anybody else's answer.
     */
    public OptionalLong refId(String module, String prefix) {
        if (!module.equals(sourceModule) || sourceRef == null || !sourceRef.startsWith(prefix)) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(sourceRef.substring(prefix.length())));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    /** Why no case was opened, cut to {@code max} characters for the requester's column; null when it was. */
    public String failure(int max) {
        return failure == null ? null : failure.substring(0, Math.min(max, failure.length()));
    }
}
