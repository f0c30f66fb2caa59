package org.cityops.enforcement.procedure;

/**
 * The statutory clocks of an enforcement case, each with its basis in law and how it counts days. A
 * {@linkplain #partyPeriod() party period} is time given to the party (it ends, it is never "overdue"); the others
 * are limits on the authority (warned at 80 %, overdue after the last day).
 */
public enum ClockKind {
    /** 立案期限: from discovery (发现) to 立案; the number of days is configured (see docs/enforcement.md). */
    FILING("立案期限", "《行政处罚法》第五十四条；立案时限按本局配置", DayBasis.NATURAL, false),
    /** 陈述申辩期限: from 事先告知; "三日" is a working-day period under 第八十五条. */
    STATEMENT("陈述申辩期限", "《行政处罚法》第四十四条、第四十五条、第八十五条", DayBasis.WORKING, true),
    /** 听证申请期限: 告知后五日内提出 (第六十四条第一项), working days (第八十五条). */
    HEARING_REQUEST("听证申请期限", "《行政处罚法》第六十四条第一项、第八十五条", DayBasis.WORKING, true),
    /** 作出决定期限: 90 days from 立案 (第六十条), extended with approval, suspended periods not counted. */
    DECISION("处罚决定期限", "《行政处罚法》第六十条", DayBasis.NATURAL, false),
    /** 送达期限: 当事人不在场的，七日内送达 (第六十一条), working days (第八十五条). */
    SERVICE("送达期限", "《行政处罚法》第六十一条、第八十五条", DayBasis.WORKING, false),
    /** 缴纳期限: 自收到决定书之日起十五日内缴纳 (第六十七条第三款), natural days. */
    PAYMENT("罚款缴纳期限", "《行政处罚法》第六十七条第三款", DayBasis.NATURAL, true);

    private final String label;
    private final String basisInLaw;
    private final DayBasis basis;
    private final boolean partyPeriod;

    ClockKind(String label, String basisInLaw, DayBasis basis, boolean partyPeriod) {
        this.label = label;
        this.basisInLaw = basisInLaw;
        this.basis = basis;
        this.partyPeriod = partyPeriod;
    }

    public String label() {
        return label;
    }

    public String basisInLaw() {
        return basisInLaw;
    }

    public DayBasis basis() {
        return basis;
    }

    public boolean partyPeriod() {
        return partyPeriod;
    }
}
