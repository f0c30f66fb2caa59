package org.cityops.assessment.internal;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.Optional;
import org.cityops.assessment.PublishedRankings;
import org.springframework.stereotype.Component;

/** {@link PublishedRankings} from the published versions of the periods (the same rows as the public page). */
@Component
class PublishedRankingsFromResults implements PublishedRankings {

    /** How many published periods are looked at (periods are monthly or quarterly: years of them). */
    private static final int LOOK_BACK = 60;

    private final Results results;

    PublishedRankingsFromResults(Results results) {
        this.results = results;
    }

    @Override
    public Optional<Ranking> ofPeriod(long periodId) {
        return results.publishedPeriod(periodId).map(PublishedRankingsFromResults::ranking);
    }

    @Override
    public Optional<Ranking> overlapping(LocalDate from, LocalDate to) {
        return results.published(LOOK_BACK).stream()
                .filter(p -> !p.period().from().isAfter(to) && !p.period().to().isBefore(from))
                .max(Comparator.comparing((Results.Published p) -> p.period().to())
                        .thenComparing(p -> p.period().id()))
                .map(PublishedRankingsFromResults::ranking);
    }

    private static Ranking ranking(Results.Published p) {
        return new Ranking(
                p.period().from(),
                p.period().to(),
                p.version().version(),
                p.districts().stream()
                        .sorted(Comparator.comparing(
                                Results.SubjectResult::rank, Comparator.nullsLast(Comparator.naturalOrder())))
                        .map(r -> new Place(r.rank(), r.subjectCode(), r.subjectName(), r.total(), r.grade()))
                        .toList());
    }
}
