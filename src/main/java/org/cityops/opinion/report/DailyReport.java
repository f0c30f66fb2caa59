package org.cityops.opinion.report;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.cityops.opinion.duty.DutyLog;
import org.cityops.opinion.duty.DutyRoster;
import org.cityops.opinion.item.OpinionAccess;
import org.cityops.opinion.item.OpinionItem;
import org.cityops.opinion.item.OpinionItems;
import org.cityops.opinion.item.OpinionLevel;
import org.cityops.opinion.item.OpinionStatus;
import org.cityops.org.StaffMember;
import org.cityops.platform.AccessDeniedToEntityException;
import org.cityops.platform.CityClock;
import org.cityops.platform.office.WordDocument;
import org.springframework.stereotype.Service;

/**
 * 舆情日报 (.docx, Apache POI): for one day, the counts by source, level and status, every item received or handled
 * that day with its triage and reply, the officers and the leader on duty, and the duty log. For the duty officers,
 * leaders and administrators (the whole bureau's items).
 */
@Service
public class DailyReport {

    public static final String CONTENT_TYPE = WordDocument.CONTENT_TYPE;

    private final OpinionItems items;
    private final DutyRoster roster;
    private final DutyLog log;

    DailyReport(OpinionItems items, DutyRoster roster, DutyLog log) {
        this.items = items;
        this.roster = roster;
        this.log = log;
    }

    public static String fileName(LocalDate day) {
        return "舆情日报-" + day + ".docx";
    }

    /** The report of {@code day}; 403 for anybody who does not see every item. */
    public byte[] docx(LocalDate day, StaffMember me) {
        if (!OpinionAccess.seesAll(me)) {
            throw new AccessDeniedToEntityException(
                    "只有舆情值班员和领导可以下载舆情日报 only duty officers and leaders get the daily report");
        }
        List<OpinionItem> all = items.ofDay(day);
        OpinionItems.DayCounts counts = items.counts(day);
        DutyRoster.DutyDay duty = roster.day(day);
        List<DutyLog.Entry> lines = log.of(day);
        try (WordDocument doc = WordDocument.create()) {
            doc.title("网络舆情日报")
                    .subtitle(day.getYear() + "年" + day.getMonthValue() + "月" + day.getDayOfMonth() + "日", 11);

            doc.heading("一、值班情况");
            doc.paragraph("值班员："
                    + (duty.officers().isEmpty()
                            ? "未排班"
                            : duty.officers().stream()
                                    .map(DutyRoster.Person::name)
                                    .collect(Collectors.joining("、")))
                    + "；带班领导："
                    + (duty.leader() == null ? "未安排" : duty.leader().name()) + "。");
            doc.paragraph("当日接收舆情 " + counts.received() + " 条，办结 " + counts.handled() + " 条。");

            doc.heading("二、舆情统计");
            List<OpinionItem> received = all.stream()
                    .filter(i -> !i.receivedAt()
                            .isBefore(day.atStartOfDay(CityClock.ZONE).toInstant()))
                    .filter(i -> i.receivedAt()
                            .isBefore(
                                    day.plusDays(1).atStartOfDay(CityClock.ZONE).toInstant()))
                    .toList();
            Map<String, Long> bySource = received.stream()
                    .collect(Collectors.groupingBy(
                            OpinionItem::sourceLabel, java.util.TreeMap::new, Collectors.counting()));
            WordDocument.Table src = doc.table(List.of("来源", "条数"));
            bySource.forEach((k, v) -> src.row(List.of(k, String.valueOf(v))));
            if (bySource.isEmpty()) {
                src.row(List.of("（无）", "0"));
            }
            Map<OpinionLevel, Long> byLevel = new EnumMap<>(OpinionLevel.class);
            received.forEach(i -> byLevel.merge(i.level(), 1L, Long::sum));
            doc.paragraph("");
            WordDocument.Table lv = doc.table(List.of("等级", "条数"));
            for (OpinionLevel l : OpinionLevel.values()) {
                lv.row(List.of(l.label(), String.valueOf(byLevel.getOrDefault(l, 0L))));
            }
            Map<OpinionStatus, Long> byStatus = new EnumMap<>(OpinionStatus.class);
            all.forEach(i -> byStatus.merge(i.status(), 1L, Long::sum));
            doc.paragraph("");
            WordDocument.Table st = doc.table(List.of("当前状态", "条数"));
            for (OpinionStatus s : OpinionStatus.values()) {
                st.row(List.of(s.label(), String.valueOf(byStatus.getOrDefault(s, 0L))));
            }

            doc.heading("三、舆情明细及处置");
            if (all.isEmpty()) {
                doc.paragraph("当日无舆情。");
            }
            int n = 1;
            for (OpinionItem i : all) {
                doc.paragraph().spacingBefore(120).text(n++ + ". " + i.title(), true, 11);
                doc.paragraph("来源：" + i.sourceLabel() + "　等级：" + i.level().label() + "　状态："
                        + i.status().label() + "　接收：" + CityClock.display(i.receivedAt()));
                if (i.url() != null) {
                    doc.paragraph("链接：" + i.url());
                }
                if (i.summary() != null) {
                    doc.paragraph("摘要：" + i.summary());
                }
                doc.paragraph("处置：" + triage(i));
                if (i.reply() != null) {
                    doc.paragraph(
                            "回复（" + i.departmentName() + "，" + CityClock.display(i.repliedAt()) + "）：" + i.reply());
                }
            }

            doc.heading("四、值班日志");
            if (lines.isEmpty()) {
                doc.paragraph("当日无值班记录。");
            }
            for (DutyLog.Entry e : lines) {
                doc.paragraph(CityClock.display(e.writtenAt()).substring(11) + "　"
                        + e.kind().label() + "（" + e.writerName() + "）：" + e.text());
            }
            return doc.toBytes();
        }
    }

    /** What was decided about an item, in one line. */
    public static String triage(OpinionItem i) {
        return switch (i.status()) {
            case NEW -> i.caseFailure() == null ? "待研判" : "待研判（转12319未成功：" + i.caseFailure() + "）";
            case DISMISSED -> "已排除：" + i.dismissReason();
            case FORWARDED -> "已转" + i.departmentName() + "，回复期限 " + CityClock.display(i.replyDueAt());
            case OVERDUE -> "已转" + i.departmentName() + "，回复超期（期限 " + CityClock.display(i.replyDueAt()) + "）";
            case REPLIED -> "已转" + i.departmentName() + "，已回复";
            case CASE_REQUESTED -> "已申请转12319，等待立案";
            case CASE_OPENED -> "已转12319，案件编号 " + i.caseNumber();
        };
    }
}
