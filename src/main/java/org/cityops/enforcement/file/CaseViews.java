package org.cityops.enforcement.file;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.cityops.enforcement.procedure.StatutoryClock;
import org.cityops.enforcement.procedure.Step;
import org.cityops.enforcement.procedure.Suspension;

/** What the pages and the API show of enforcement cases. */
public final class CaseViews {

    private CaseViews() {}

    /** A row of the handler's list: the case with its nearest live clock (null when none runs). */
    public record Row(EnforcementCase c, StatutoryClock.Reading clock, boolean suspended) {}

    /** A page of the list. */
    public record Page(List<Row> rows, long total, int page, int size) {}

    /** One step of the timeline. */
    public record TimelineEntry(int seq, Step step, LocalDate on, String actor, Instant recordedAt, String summary) {}

    /** A case file: the case, its clocks on the day, its timeline and the steps the viewer may take now. */
    public record Detail(
            EnforcementCase c,
            List<StatutoryClock.Reading> clocks,
            List<TimelineEntry> timeline,
            List<Suspension> suspensions,
            Set<Step> available,
            boolean hearingEligible,
            boolean reviewRequired,
            BigDecimal lateFee,
            LocalDate today) {}
}
