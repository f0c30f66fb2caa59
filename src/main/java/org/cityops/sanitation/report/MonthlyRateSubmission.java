package org.cityops.sanitation.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.cityops.assessment.SourceScoreInput;
import org.cityops.assessment.SourceScoreInput.ProfessionalScore;
import org.cityops.audit.AuditTrail;
import org.cityops.org.StaffMember;
import org.cityops.platform.InvalidInputException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Hands a finished month's 机械化作业覆盖率 per district to the assessment as 专业部门评价 scores, through the
 * assessment's {@link SourceScoreInput}: score = rate × 100, rounded to two decimals; subject = the district; source
 * key {@code sanitation-coverage:<month>:<district>} so a second submission of the month is refused (409).
 */
@Service
public class MonthlyRateSubmission {

    /** Prefix of the source keys this module submits under. */
    public static final String KEY_PREFIX = "sanitation-coverage:";

    private final CoverageReport report;
    private final SourceScoreInput assessment;
    private final AuditTrail audit;
    private final Clock clock;

    MonthlyRateSubmission(CoverageReport report, SourceScoreInput assessment, AuditTrail audit, Clock clock) {
        this.report = report;
        this.assessment = assessment;
        this.audit = audit;
        this.clock = clock;
    }

    /** Scores the month's districts as the caller sees them; the month must be over. */
    @Transactional
    public SourceScoreInput.Submitted submit(YearMonth month, StaffMember me) {
        LocalDate today = CoverageReport.today(clock);
        if (!month.atEndOfMonth().isBefore(today)) {
            throw new InvalidInputException("只能提交已结束月份的覆盖率 only a finished month can be submitted", "month");
        }
        List<ProfessionalScore> scores = new ArrayList<>();
        for (RateRow r : report.rates(month.atDay(1), month.atEndOfMonth(), "district", me)) {
            if (r.group() == null || r.group().isBlank() || r.segmentDays() == 0) {
                continue;
            }
            scores.add(new ProfessionalScore(
                    "DISTRICT",
                    r.group(),
                    null,
                    score(r.rate()),
                    KEY_PREFIX + month + ":" + r.group(),
                    "机械化作业覆盖率 " + month + "（" + r.segmentDays() + " 路段日）"));
        }
        if (scores.isEmpty()) {
            throw new InvalidInputException("该月没有计划作业的路段 no planned segments in " + month, "month");
        }
        SourceScoreInput.Submitted done = assessment.submitProfessional(month, scores, me);
        audit.record(
                "SANITATION_RATES",
                month.toString(),
                "SUBMIT_TO_ASSESSMENT",
                null,
                "period " + done.periodId() + ": " + scores.size() + " district scores");
        return done;
    }

    /** rate 0..1 → score 0..100 with two decimals. */
    static double score(double rate) {
        return BigDecimal.valueOf(Math.max(0, Math.min(1, rate)) * 100)
                .setScale(2, RoundingMode.HALF_UP)
                .doubleValue();
    }
}
