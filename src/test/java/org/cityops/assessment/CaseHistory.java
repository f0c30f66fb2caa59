package org.cityops.assessment;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.cityops.platform.CityClock;

/** Builds case step facts by hand for tests: one {@link Case} per case, steps in city-local time. */
final class CaseHistory {

    final String prefix;
    final List<CaseStepFact> facts = new ArrayList<>();

    CaseHistory(String prefix) {
        this.prefix = prefix;
    }

    Case newCase(long id, String channel, String grid, String department) {
        return new Case(id, channel, grid);
    }

    static Instant at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(CityClock.ZONE).toInstant();
    }

    final class Case {
        final long id;
        final String channel;
        final String grid;
        String reporter;
        boolean leader;
        boolean media;
        int seq;

        Case(long id, String channel, String grid) {
            this.id = id;
            this.channel = channel;
            this.grid = grid;
        }

        Case reportedBy(String inspector) {
            this.reporter = inspector;
            return this;
        }

        Case media() {
            this.media = true;
            return this;
        }

        Case leader() {
            this.leader = true;
            return this;
        }

        /** A step; {@code onTime}/{@code byDeadline} may be null. */
        Case step(
                StepAction action,
                String when,
                String actor,
                String role,
                String assignee,
                String dept,
                Boolean onTime,
                Boolean byDeadline,
                Integer satisfaction) {
            facts.add(new CaseStepFact(
                    prefix + "-" + id + "-" + (++seq),
                    id,
                    prefix + "-" + id,
                    "0601",
                    channel,
                    grid,
                    grid.substring(0, 12),
                    grid.substring(0, 9),
                    grid.substring(0, 6),
                    dept,
                    action,
                    actor,
                    role,
                    assignee,
                    reporter,
                    at(when),
                    null,
                    onTime,
                    byDeadline,
                    leader,
                    media,
                    false,
                    satisfaction,
                    null));
            return this;
        }

        Case step(StepAction action, String when, String actor, String role) {
            return step(action, when, actor, role, null, null, null, null, null);
        }
    }
}
