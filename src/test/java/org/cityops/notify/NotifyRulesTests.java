package org.cityops.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Map;
import org.cityops.notify.internal.Masking;
import org.cityops.notify.internal.QuietHours;
import org.cityops.notify.internal.RetryPolicy;
import org.cityops.notify.internal.RetryPolicy.Outcome;
import org.cityops.notify.internal.TemplateText;
import org.cityops.platform.CityClock;
import org.cityops.platform.InvalidInputException;
import org.junit.jupiter.api.Test;

/** The outbox's rules without Spring: retries and dead letters, quiet hours, templates, masking. */
class NotifyRulesTests {

    static final Instant T0 = Instant.parse("2026-12-07T02:00:00Z"); // 10:00 in 常州

    static Instant cityTime(String dateTime) {
        return ZonedDateTime.of(java.time.LocalDateTime.parse(dateTime), CityClock.ZONE)
                .toInstant();
    }

    @Test
    void a_transient_failure_is_retried_after_10s_1m_5m_30m_2h_and_the_sixth_failure_is_a_dead_letter() {
        RetryPolicy p = RetryPolicy.DEFAULT;
        Outcome timeout = Outcome.retry("超时");
        assertThat(p.after(1, timeout, T0)).isEqualTo(new RetryPolicy.Next("PENDING", T0.plusSeconds(10)));
        assertThat(p.after(2, timeout, T0).nextAttemptAt()).isEqualTo(T0.plus(Duration.ofMinutes(1)));
        assertThat(p.after(3, timeout, T0).nextAttemptAt()).isEqualTo(T0.plus(Duration.ofMinutes(5)));
        assertThat(p.after(4, timeout, T0).nextAttemptAt()).isEqualTo(T0.plus(Duration.ofMinutes(30)));
        assertThat(p.after(5, timeout, T0).nextAttemptAt()).isEqualTo(T0.plus(Duration.ofHours(2)));
        assertThat(p.after(6, timeout, T0)).isEqualTo(new RetryPolicy.Next("DEAD", null));
    }

    @Test
    void the_last_back_off_step_repeats_when_more_attempts_are_allowed_than_steps() {
        RetryPolicy p = new RetryPolicy(java.util.List.of(Duration.ofSeconds(1), Duration.ofSeconds(5)), 4);
        assertThat(p.after(3, Outcome.retry("x"), T0).nextAttemptAt()).isEqualTo(T0.plusSeconds(5));
        assertThat(p.after(4, Outcome.retry("x"), T0).status()).isEqualTo("DEAD");
    }

    @Test
    void a_4xx_answer_is_a_dead_letter_at_once_while_5xx_408_and_429_are_retried() {
        assertThat(RetryPolicy.DEFAULT
                        .after(1, Outcome.ofHttpStatus(400, "bad"), T0)
                        .status())
                .isEqualTo("DEAD");
        assertThat(RetryPolicy.DEFAULT
                        .after(1, Outcome.ofHttpStatus(403, ""), T0)
                        .status())
                .isEqualTo("DEAD");
        assertThat(RetryPolicy.DEFAULT
                        .after(1, Outcome.ofHttpStatus(503, ""), T0)
                        .status())
                .isEqualTo("PENDING");
        assertThat(RetryPolicy.DEFAULT
                        .after(1, Outcome.ofHttpStatus(429, ""), T0)
                        .status())
                .isEqualTo("PENDING");
        assertThat(RetryPolicy.DEFAULT
                        .after(1, Outcome.ofHttpStatus(408, ""), T0)
                        .status())
                .isEqualTo("PENDING");
        assertThat(RetryPolicy.DEFAULT
                        .after(1, Outcome.ofHttpStatus(204, ""), T0)
                        .status())
                .isEqualTo("SENT");
    }

    @Test
    void a_notice_in_quiet_hours_across_midnight_waits_until_they_end_unless_it_is_urgent() {
        QuietHours night = new QuietHours(LocalTime.of(22, 0), LocalTime.of(7, 0));
        Instant late = cityTime("2026-12-07T23:30:00");
        Instant early = cityTime("2026-12-08T06:59:00");
        assertThat(night.holdUntil(late, CityClock.ZONE, false)).contains(cityTime("2026-12-08T07:00:00"));
        assertThat(night.holdUntil(early, CityClock.ZONE, false)).contains(cityTime("2026-12-08T07:00:00"));
        assertThat(night.holdUntil(late, CityClock.ZONE, true)).isEmpty();
        assertThat(night.holdUntil(cityTime("2026-12-08T07:00:00"), CityClock.ZONE, false))
                .isEmpty();
        assertThat(night.holdUntil(cityTime("2026-12-08T12:00:00"), CityClock.ZONE, false))
                .isEmpty();
    }

    @Test
    void a_daytime_quiet_window_holds_only_inside_it_and_equal_start_and_end_means_none() {
        QuietHours noon = new QuietHours(LocalTime.of(12, 0), LocalTime.of(14, 0));
        assertThat(noon.holdUntil(cityTime("2026-12-07T13:00:00"), CityClock.ZONE, false))
                .contains(cityTime("2026-12-07T14:00:00"));
        assertThat(noon.holdUntil(cityTime("2026-12-07T14:00:00"), CityClock.ZONE, false))
                .isEmpty();
        assertThat(QuietHours.NONE.holdUntil(cityTime("2026-12-07T03:00:00"), CityClock.ZONE, false))
                .isEmpty();
    }

    @Test
    void a_template_with_a_placeholder_the_kind_does_not_offer_is_refused_naming_it() {
        assertThatThrownBy(() -> TemplateText.checked(NoticeKind.CASE_WARNING, "案件{caseNumber}由{handler}处理"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("{handler}");
        assertThat(TemplateText.checked(NoticeKind.CASE_WARNING, " 案件{caseNumber}请于{dueAt}前处理 "))
                .isEqualTo("案件{caseNumber}请于{dueAt}前处理");
        assertThatThrownBy(() -> TemplateText.checked(NoticeKind.CASE_WARNING, "  "))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void every_default_template_uses_only_its_kinds_placeholders() {
        for (NoticeKind k : NoticeKind.values()) {
            assertThat(TemplateText.checked(k, k.defaultTemplate())).isEqualTo(k.defaultTemplate());
        }
    }

    @Test
    void a_notice_missing_a_value_of_its_default_template_is_refused_and_optional_ones_render_empty() {
        assertThatThrownBy(() -> TemplateText.requireValues(NoticeKind.VISIT_LINK, Map.of("caseNumber", "A1")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("{link}");
        assertThat(TemplateText.render("案件{caseNumber}{link}", Map.of("caseNumber", "{x}")))
                .isEqualTo("案件{x}");
    }

    @Test
    void phone_numbers_and_mail_addresses_are_masked() {
        assertThat(Masking.phone("13800001234")).isEqualTo("138****1234");
        assertThat(Masking.phone("12319")).isEqualTo("***19");
        assertThat(Masking.email("zhang.san@example.org")).isEqualTo("z***@example.org");
    }
}
