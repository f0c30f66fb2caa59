package org.cityops.assessment.internal;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.cityops.assessment.SourceScoreInput;
import org.cityops.assessment.internal.model.Source;
import org.cityops.assessment.internal.model.SubjectType;
import org.cityops.org.StaffMember;
import org.cityops.platform.ConflictException;
import org.cityops.platform.InvalidInputException;
import org.cityops.platform.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** {@link SourceScoreInput} by delegation to {@link SourceScores#enter} (its rules, status and audit). */
@Service
class SourceScoreInputService implements SourceScoreInput {

    static final int MAX_KEY = 64;

    private final Periods periods;
    private final SourceScores scores;

    SourceScoreInputService(Periods periods, SourceScores scores) {
        this.periods = periods;
        this.scores = scores;
    }

    @Override
    @Transactional
    public Submitted submitProfessional(YearMonth month, List<ProfessionalScore> given, StaffMember who) {
        if (given == null || given.isEmpty()) {
            throw new InvalidInputException("没有可提交的评分 nothing to submit", "scores");
        }
        Periods.Period period = covering(month);
        scores.openPeriod(period.id());
        for (ProfessionalScore s : given) {
            if (s.sourceKey() == null
                    || s.sourceKey().isBlank()
                    || s.sourceKey().length() > MAX_KEY) {
                throw new InvalidInputException("来源键须为 1..64 个字符 source key must be 1..64 characters", "sourceKey");
            }
            if (scores.hasKey(period.id(), s.sourceKey())) {
                throw new ConflictException(
                        "本考核周期已提交过该评分 already submitted for period " + period.label() + ": " + s.sourceKey(),
                        "sourceKey");
            }
        }
        List<Long> ids = new ArrayList<>();
        for (ProfessionalScore s : given) {
            ids.add(scores.enter(
                            period.id(),
                            Source.DEPARTMENT,
                            subjectType(s.subjectType()),
                            s.subjectCode(),
                            s.itemCode(),
                            s.score(),
                            s.note(),
                            who,
                            s.sourceKey())
                    .id());
        }
        return new Submitted(period.id(), period.label(), ids);
    }

    private Periods.Period covering(YearMonth month) {
        LocalDate first = month.atDay(1);
        LocalDate last = month.atEndOfMonth();
        return periods.list().stream()
                .filter(p -> !p.from().isAfter(first) && !p.to().isBefore(last))
                .min(Comparator.comparingLong((Periods.Period p) -> ChronoUnit.DAYS.between(p.from(), p.to()))
                        .thenComparing(
                                Comparator.comparingLong(Periods.Period::id).reversed()))
                .orElseThrow(
                        () -> new NotFoundException("没有覆盖 " + month + " 的考核周期 no assessment period covers " + month));
    }

    private static SubjectType subjectType(String name) {
        try {
            return SubjectType.valueOf(name == null ? "" : name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("未知对象类型 unknown subject type '" + name + "'", "subjectType");
        }
    }
}
