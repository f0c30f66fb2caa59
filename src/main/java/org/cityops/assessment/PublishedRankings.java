package org.cityops.assessment;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The published district rankings (红黑榜) for other modules' reports (the monthly report): what the public page
 * shows, nothing that is not published.
 */
public interface PublishedRankings {

    /** The newest published period whose days overlap {@code from}..{@code to}; empty when none is published. */
    Optional<Ranking> overlapping(LocalDate from, LocalDate to);

    /** The published ranking of one period (its published version); empty when the period is not published. */
    Optional<Ranking> ofPeriod(long periodId);

    /** One published period: its days, the published version and the districts in rank order. */
    record Ranking(LocalDate from, LocalDate to, int version, List<Place> districts) {

        public Ranking {
            districts = List.copyOf(districts);
        }
    }

    /** One district's place: rank, total score and grade as published. */
    record Place(Integer rank, String districtCode, String districtName, Double total, String grade) {}
}
