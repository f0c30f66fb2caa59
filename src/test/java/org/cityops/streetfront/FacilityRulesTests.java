package org.cityops.streetfront;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.cityops.streetfront.signs.FacilityClass;
import org.cityops.streetfront.signs.FacilityDraft;
import org.cityops.streetfront.signs.FacilityKind;
import org.cityops.streetfront.signs.FacilityRules;
import org.cityops.streetfront.signs.InspectionCadence;
import org.cityops.streetfront.signs.PermitStatus;
import org.junit.jupiter.api.Test;

class FacilityRulesTests {

    static final LocalDate DAY = LocalDate.of(2026, 6, 1);
    final FacilityRules rules = new FacilityRules((lat, lon) -> lat > 31.4 && lat < 32.5 && lon > 119 && lon < 120.5);

    static FacilityDraft draft(String credit, double lat, LocalDate from, LocalDate to) {
        return new FacilityDraft(
                "GG-1", "店招", "附属式", "招牌", "某某面馆", credit, "某路1号", lat, 119.9, 4.0, 1.0, "XK-1", from, to, null);
    }

    static List<String> fields(List<FacilityRules.Problem> ps) {
        return ps.stream().map(FacilityRules.Problem::field).toList();
    }

    @Test
    void a_complete_facility_inside_the_city_has_no_problems() {
        assertThat(rules.problems(draft("91330100716105852F", 31.8, DAY, DAY.plusYears(1))))
                .isEmpty();
    }

    @Test
    void a_permit_ending_before_it_starts_is_a_problem_of_its_end() {
        assertThat(fields(rules.problems(draft("91330100716105852F", 31.8, DAY, DAY.minusDays(1)))))
                .containsExactly("permitTo");
    }

    @Test
    void a_facility_outside_the_city_is_a_problem_of_its_position() {
        assertThat(fields(rules.problems(draft("91330100716105852F", 31.23, DAY, DAY.plusYears(1)))))
                .containsExactly("lat");
    }

    @Test
    void a_wrong_credit_code_is_a_problem_of_the_owner_code() {
        assertThat(fields(rules.problems(draft("91330100716105853F", 31.8, DAY, DAY.plusYears(1)))))
                .containsExactly("ownerCreditCode");
    }

    @Test
    void a_permit_number_without_dates_names_both_dates() {
        assertThat(fields(rules.problems(draft("91330100716105852F", 31.8, null, null))))
                .containsExactly("permitFrom", "permitTo");
    }

    @Test
    void unknown_class_and_kind_are_named() {
        FacilityDraft d = new FacilityDraft(
                "GG-1",
                "店招",
                "悬挂式",
                "灯箱",
                "某某面馆",
                "91330100716105852F",
                null,
                31.8,
                119.9,
                4.0,
                1.0,
                null,
                null,
                null,
                null);
        assertThat(fields(rules.problems(d))).containsExactly("facilityClass", "kind");
    }

    @Test
    void a_permit_is_expiring_within_thirty_days_of_its_end_and_expired_after_it() {
        assertThat(PermitStatus.of(DAY.minusYears(1), DAY.plusDays(31), DAY)).isEqualTo(PermitStatus.VALID);
        assertThat(PermitStatus.of(DAY.minusYears(1), DAY.plusDays(30), DAY)).isEqualTo(PermitStatus.EXPIRING);
        assertThat(PermitStatus.of(DAY.minusYears(1), DAY, DAY)).isEqualTo(PermitStatus.EXPIRING);
        assertThat(PermitStatus.of(DAY.minusYears(1), DAY.minusDays(1), DAY)).isEqualTo(PermitStatus.EXPIRED);
        assertThat(PermitStatus.of(null, null, DAY)).isEqualTo(PermitStatus.NONE);
    }

    @Test
    void freestanding_facilities_led_screens_and_large_faces_are_checked_quarterly() {
        assertThat(InspectionCadence.intervalDays(FacilityClass.FREESTANDING, FacilityKind.BILLBOARD, 2))
                .isEqualTo(90);
        assertThat(InspectionCadence.intervalDays(FacilityClass.ATTACHED, FacilityKind.LED_SCREEN, 2))
                .isEqualTo(90);
        assertThat(InspectionCadence.intervalDays(FacilityClass.ATTACHED, FacilityKind.SIGNBOARD, 10))
                .isEqualTo(90);
        assertThat(InspectionCadence.intervalDays(FacilityClass.ATTACHED, FacilityKind.SIGNBOARD, 9.99))
                .isEqualTo(365);
        assertThat(InspectionCadence.intervalDays(FacilityClass.MOBILE, FacilityKind.BILLBOARD, 1))
                .isEqualTo(30);
    }
}
