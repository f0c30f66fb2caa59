package org.cityops.assessment.internal.model;

import java.util.ArrayList;
import java.util.List;

/**
 * Steps grouped by the person they count for: {@code kind} ACTOR (who did the step), ASSIGNEE (whom it was
 * assigned to or whose earlier step it judges) or REPORTER (the inspector who reported the case).
 */
public record PostRow(
        Kind kind, String username, String role, String action, boolean inspectorChannel, boolean onTime, long n) {

    public enum Kind {
        ACTOR,
        ASSIGNEE,
        REPORTER
    }

    /** A count for one post subject. */
    public record Hit(SubjectType type, String username, String counter, long n) {}

    /** The post counts these steps make. The rules are written out in docs/assessment.md. */
    public List<Hit> count() {
        List<Hit> hits = new ArrayList<>();
        if (username == null || username.isBlank()) {
            return hits;
        }
        switch (kind) {
            case ACTOR -> actor(hits);
            case ASSIGNEE -> assignee(hits);
            case REPORTER -> {
                if ("FILED".equals(action)) {
                    hits.add(new Hit(SubjectType.INSPECTOR, username, C.VALID_REPORTS, n));
                }
            }
        }
        return hits;
    }

    private void actor(List<Hit> hits) {
        if (role == null) {
            return;
        }
        switch (role) {
            case "INSPECTOR" -> {
                if ("REPORTED".equals(action)) {
                    hits.add(hit(SubjectType.INSPECTOR, C.REPORTS));
                } else if ("VERIFIED".equals(action)) {
                    hits.add(hit(SubjectType.INSPECTOR, C.VERIFICATIONS));
                    onTime(hits, SubjectType.INSPECTOR, C.VERIFICATIONS_ON_TIME);
                } else if ("CHECKED".equals(action)) {
                    hits.add(hit(SubjectType.INSPECTOR, C.CHECKS));
                    onTime(hits, SubjectType.INSPECTOR, C.CHECKS_ON_TIME);
                }
            }
            case "OPERATOR" -> {
                if ("ACCEPTED".equals(action)) {
                    hits.add(hit(SubjectType.OPERATOR, C.ACCEPTED));
                } else if ("VERIFY_ASSIGNED".equals(action)) {
                    hits.add(hit(SubjectType.OPERATOR, C.VERIFY_ASSIGNED));
                    onTime(hits, SubjectType.OPERATOR, C.VERIFY_ASSIGNED_ON_TIME);
                } else if ("CHECK_ASSIGNED".equals(action)) {
                    hits.add(hit(SubjectType.OPERATOR, C.CHECK_ASSIGNED));
                    onTime(hits, SubjectType.OPERATOR, C.CHECK_ASSIGNED_ON_TIME);
                }
            }
            case "SHIFT_LEADER" -> {
                if ("FILED".equals(action)) {
                    hits.add(hit(SubjectType.SHIFT_LEADER, C.FILED_BY));
                    onTime(hits, SubjectType.SHIFT_LEADER, C.FILED_ON_TIME);
                } else if ("CLOSED".equals(action)) {
                    hits.add(hit(SubjectType.SHIFT_LEADER, C.CLOSED_BY));
                    onTime(hits, SubjectType.SHIFT_LEADER, C.CLOSED_ON_TIME);
                }
            }
            case "DISPATCHER" -> {
                if ("DISPATCHED".equals(action)) {
                    hits.add(hit(SubjectType.DISPATCHER, C.DISPATCHED));
                    onTime(hits, SubjectType.DISPATCHER, C.DISPATCHED_ON_TIME);
                }
            }
            default -> {}
        }
    }

    private void assignee(List<Hit> hits) {
        switch (action) {
            case "FILED" -> {
                hits.add(hit(SubjectType.INSPECTOR, C.GRID_FILED));
                if (!inspectorChannel) {
                    hits.add(hit(SubjectType.INSPECTOR, C.MISSED));
                }
            }
            case "VOIDED", "MERGED" -> hits.add(hit(SubjectType.SHIFT_LEADER, C.VOIDED_AFTER_FILING));
            case "RETURNED" -> hits.add(hit(SubjectType.DISPATCHER, C.DISPATCH_RETURNED));
            case "REWORK" -> hits.add(hit(SubjectType.DISPATCHER, C.DISPATCH_REWORKED));
            default -> {}
        }
    }

    private Hit hit(SubjectType type, String counter) {
        return new Hit(type, username, counter, n);
    }

    private void onTime(List<Hit> hits, SubjectType type, String counter) {
        if (onTime) {
            hits.add(hit(type, counter));
        }
    }
}
