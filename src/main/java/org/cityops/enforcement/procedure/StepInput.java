package org.cityops.enforcement.procedure;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * What a step carries; each step reads the fields it needs (see {@link ProcedurePolicy}).
 *
 * @param on             the day the step happened (送达日, 缴款日 …), in the city's calendar
 * @param note           reason, opinion or summary (required where the law wants one written down)
 * @param tier           NOTIFY: the discretion tier chosen (轻微/一般/较重/严重), as its code
 * @param fine           NOTIFY: the proposed fine (0 for a penalty without a fine)
 * @param fineMin        NOTIFY: the tier's range, as the discretion benchmark gives it
 * @param fineMax        NOTIFY: the tier's range
 * @param severePenalty  NOTIFY: 责令停产停业、吊销许可证、没收较大数额 … (第六十三条: hearing whatever the fine)
 * @param kind           SUSPEND / REQUEST_HEARING: why the clocks stop
 * @param expectedEnd    SUSPEND / REQUEST_HEARING: 预计结束日期 (听证日期)
 * @param days           EXTEND_DECISION: days granted
 * @param firstOffence   NOT_PUNISH: 初次违法
 * @param minorHarm      NOT_PUNISH: 危害后果轻微
 * @param corrected      NOT_PUNISH: 及时改正
 * @param amount         PAY: amount paid (罚款 + 加处罚款)
 */
public record StepInput(
        LocalDate on,
        String note,
        String tier,
        BigDecimal fine,
        BigDecimal fineMin,
        BigDecimal fineMax,
        boolean severePenalty,
        SuspensionKind kind,
        LocalDate expectedEnd,
        Integer days,
        boolean firstOffence,
        boolean minorHarm,
        boolean corrected,
        BigDecimal amount) {

    public static StepInput on(LocalDate on) {
        return new StepInput(on, null, null, null, null, null, false, null, null, null, false, false, false, null);
    }

    public StepInput note(String n) {
        return new StepInput(
                on,
                n,
                tier,
                fine,
                fineMin,
                fineMax,
                severePenalty,
                kind,
                expectedEnd,
                days,
                firstOffence,
                minorHarm,
                corrected,
                amount);
    }

    public StepInput penalty(String t, BigDecimal f, BigDecimal min, BigDecimal max, boolean severe) {
        return new StepInput(
                on, note, t, f, min, max, severe, kind, expectedEnd, days, firstOffence, minorHarm, corrected, amount);
    }

    public StepInput suspension(SuspensionKind k, LocalDate end) {
        return new StepInput(
                on,
                note,
                tier,
                fine,
                fineMin,
                fineMax,
                severePenalty,
                k,
                end,
                days,
                firstOffence,
                minorHarm,
                corrected,
                amount);
    }

    public StepInput days(Integer d) {
        return new StepInput(
                on,
                note,
                tier,
                fine,
                fineMin,
                fineMax,
                severePenalty,
                kind,
                expectedEnd,
                d,
                firstOffence,
                minorHarm,
                corrected,
                amount);
    }

    public StepInput firstOffence(boolean first, boolean minor, boolean fixed) {
        return new StepInput(
                on,
                note,
                tier,
                fine,
                fineMin,
                fineMax,
                severePenalty,
                kind,
                expectedEnd,
                days,
                first,
                minor,
                fixed,
                amount);
    }

    public StepInput amount(BigDecimal a) {
        return new StepInput(
                on,
                note,
                tier,
                fine,
                fineMin,
                fineMax,
                severePenalty,
                kind,
                expectedEnd,
                days,
                firstOffence,
                minorHarm,
                corrected,
                a);
    }

    public boolean hasNote() {
        return note != null && !note.isBlank();
    }

    /** The fine lies outside the tier's range (a deviation that only 法制审核 may approve). */
    public boolean fineOutsideRange() {
        if (fine == null || fineMin == null || fineMax == null) {
            return false;
        }
        return fine.compareTo(fineMin) < 0 || fine.compareTo(fineMax) > 0;
    }
}
