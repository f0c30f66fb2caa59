package org.cityops.cases.internal;

import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The public lookup by case number ({@code /public/cases/{number}}): only cases from a public channel
 * ({@link PublicChannels}), only public fields (no reporter, staff, notes or description), the address with
 * phone and ID numbers masked, and no 督办 step. A case that is not public is answered exactly like a number
 * that does not exist, so the lookup does not tell which numbers are internal cases.
 */
@Service
@Transactional(readOnly = true)
public class PublicCases {

    private final CaseRepository cases;
    private final PublicChannels channels;

    PublicCases(CaseRepository cases, PublicChannels channels) {
        this.cases = cases;
        this.channels = channels;
    }

    /** The public fields of a case, or empty when the number is malformed, unknown or not a public case. */
    public Optional<PublicCaseView> find(String number) {
        if (number == null || !number.strip().matches("\\d{8,20}")) {
            return Optional.empty();
        }
        return cases.findByNumber(number.strip())
                .filter(c -> channels.isPublic(c.channel))
                .map(c -> new PublicCaseView(
                        c.number,
                        c.status.name(),
                        c.status.label(),
                        c.categoryName,
                        c.districtName,
                        c.streetName,
                        PersonalDataMasker.mask(c.address),
                        c.createdAt,
                        c.closedAt,
                        cases.steps(c.id).stream()
                                .filter(s -> !"SUPERVISE".equals(s.action()))
                                .map(s -> new PublicCaseView.PublicStep(CaseViews.label(s.action()), s.actedAt()))
                                .toList()));
    }
}
