package org.cityops.rectification.internal;

import java.time.LocalDate;
import org.cityops.rectification.MeasureStatus;
import org.cityops.rectification.ProblemStatus;

/**
 * Filters of the ledger list. {@code scopeDepartmentId} is the data scope (本部门) and always applies when set;
 * the other fields are what the user chose.
 */
public record MeasureQuery(
        long inspectionId,
        Long scopeDepartmentId,
        Long categoryId,
        String department,
        String leader,
        MeasureStatus status,
        ProblemStatus problemStatus,
        boolean overdue,
        boolean dueSoon,
        Long problemId,
        LocalDate today,
        int limit,
        int offset) {

    public static MeasureQuery all(long inspectionId, Long scopeDepartmentId, LocalDate today) {
        return new MeasureQuery(
                inspectionId,
                scopeDepartmentId,
                null,
                null,
                null,
                null,
                null,
                false,
                false,
                null,
                today,
                Integer.MAX_VALUE,
                0);
    }

    public MeasureQuery forProblem(long problem) {
        return new MeasureQuery(
                inspectionId,
                scopeDepartmentId,
                categoryId,
                department,
                leader,
                status,
                problemStatus,
                overdue,
                dueSoon,
                problem,
                today,
                limit,
                offset);
    }
}
