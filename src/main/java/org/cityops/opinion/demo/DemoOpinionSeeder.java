package org.cityops.opinion.demo;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.cityops.opinion.duty.DutyLog;
import org.cityops.opinion.duty.DutyRoster;
import org.cityops.opinion.item.ItemDraft;
import org.cityops.opinion.item.OpinionItem;
import org.cityops.opinion.item.OpinionItems;
import org.cityops.opinion.item.OpinionLevel;
import org.cityops.opinion.item.OpinionSource;
import org.cityops.org.DepartmentView;
import org.cityops.org.OrgDirectory;
import org.cityops.org.StaffMember;
import org.cityops.platform.AdjustableClock;
import org.cityops.platform.CityClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The demo's 网络舆情 (demo profile): this week's duty roster, a duty log for yesterday and today, and items in
 * every status, all through the services the duty officers use: two to triage, one dismissed, one forwarded to
 * 天宁区城管局, one replied, one overdue (forwarded two days ago with a one-hour deadline, escalated by the same
 * check the scheduler runs) and one sent to 12319 (the case is opened by the cases module and linked back).
 */
@Component
@Profile("demo")
@Order(86)
class DemoOpinionSeeder implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoOpinionSeeder.class);

    /** Inside 天宁区's first demo grid (as the 违建 demo). */
    static final double LAT = 31.80715;

    static final double LON = 119.93837;

    private final JdbcClient jdbc;
    private final OpinionItems items;
    private final DutyRoster roster;
    private final DutyLog dutyLog;
    private final OrgDirectory org;
    private final AdjustableClock clock;

    DemoOpinionSeeder(
            JdbcClient jdbc,
            OpinionItems items,
            DutyRoster roster,
            DutyLog dutyLog,
            OrgDirectory org,
            AdjustableClock clock) {
        this.jdbc = jdbc;
        this.items = items;
        this.roster = roster;
        this.dutyLog = dutyLog;
        this.org = org;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (jdbc.sql("SELECT COUNT(*) FROM op_item").query(Long.class).single() > 0) {
            return;
        }
        StaffMember officer = org.staff("shiftlead1").orElse(null);
        StaffMember operator = org.staff("operator1").orElse(null);
        StaffMember handler = org.staff("handler-tianning").orElse(null);
        DepartmentView tianning = org.departmentByCode("QCGJ-320402").orElse(null);
        if (officer == null || operator == null || handler == null || tianning == null) {
            return;
        }
        boolean wasStopped = clock.isStopped();
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, CityClock.ZONE);
        try {
            LocalDate monday = today.with(DayOfWeek.MONDAY);
            for (int i = 0; i < 7; i++) {
                LocalDate d = monday.plusDays(i);
                roster.set(d, List.of(i % 2 == 0 ? "shiftlead1" : "operator1"), "leader1", StaffMember.SYSTEM);
            }
            if (monday.isAfter(today.minusDays(2))) {
                for (int i = 1; i <= 2; i++) {
                    roster.set(today.minusDays(i), List.of("operator1"), "leader1", StaffMember.SYSTEM);
                }
            }

            clock.stopAt(now.minus(Duration.ofDays(2)));
            OpinionItem late = items.create(
                    draft("网友反映某小区楼下烧烤油烟扰民多日无人管", OpinionSource.FORUM, "天宁区青龙街道某小区", OpinionLevel.GENERAL), officer);
            items.forward(late.id(), tianning.id(), clock.instant().plus(Duration.ofHours(1)), "请核实后回复处理情况", officer);
            OpinionItem replied = items.create(
                    draft("微博：某路段人行道被共享单车堆满", OpinionSource.WEIBO, "天宁区红梅街道", OpinionLevel.GENERAL), operator);
            items.forward(replied.id(), tianning.id(), clock.instant().plus(Duration.ofDays(1)), null, operator);
            clock.stopAt(now.minus(Duration.ofDays(2)).plus(Duration.ofHours(5)));
            items.reply(replied.id(), "已联系运营企业清运调度，现场已恢复通行，并增加巡查频次。", handler);
            dutyLog.write(today.minusDays(2), DutyLog.Kind.ENTRY, "巡查微博、论坛，发现2条涉城管舆情，已转天宁区城管局核处。", operator);

            clock.stopAt(now.minus(Duration.ofDays(1)));
            OpinionItem dismissed =
                    items.create(draft("网传城管暴力执法视频", OpinionSource.DOUYIN, null, OpinionLevel.MAJOR), officer);
            items.dismiss(dismissed.id(), "经核实为外地旧视频，与本市无关，已向网信部门报备。", officer);
            dutyLog.write(today.minusDays(1), DutyLog.Kind.HANDOVER, "网传执法视频已核实排除；烧烤油烟一条待天宁区回复。", officer);

            clock.stopAt(now.minus(Duration.ofHours(3)));
            items.escalateOverdue();
            OpinionItem toCase = items.create(
                    new ItemDraft(
                            "市民微信群反映：某路口渣土车撒漏，路面泥浆严重",
                            OpinionSource.WECHAT,
                            null,
                            null,
                            null,
                            "早高峰时段渣土车经过后路面大量泥浆，电动车打滑，希望尽快清理并查处。",
                            now.minus(Duration.ofHours(4)),
                            "天宁区青龙街道某路口",
                            LAT,
                            LON,
                            OpinionLevel.MAJOR),
                    officer);
            items.requestCase(toCase.id(), null, null, null, null, officer);
            OpinionItem forwarded = items.create(
                    draft("网站留言：某农贸市场门口占道经营", OpinionSource.WEBSITE, "天宁区天宁街道", OpinionLevel.GENERAL), officer);
            items.forward(forwarded.id(), tianning.id(), clock.instant().plus(Duration.ofDays(1)), "请于明日前回复", officer);

            clock.stopAt(now.minus(Duration.ofHours(1)));
            items.create(draft("论坛帖：某公园附近垃圾桶满溢无人清运", OpinionSource.FORUM, "钟楼区", OpinionLevel.GENERAL), operator);
            items.create(
                    new ItemDraft(
                            "抖音视频：户外广告牌松动，大风天存在隐患",
                            OpinionSource.DOUYIN,
                            null,
                            null,
                            null,
                            "视频显示某商铺招牌一角脱落，随风晃动。",
                            null,
                            "天宁区青龙街道",
                            LAT,
                            LON,
                            OpinionLevel.SERIOUS),
                    officer);
            dutyLog.write(today, DutyLog.Kind.ENTRY, "渣土车撒漏一条已转12319立案；广告牌隐患一条待研判。", officer);
        } finally {
            if (wasStopped) {
                clock.stopAt(now);
            } else {
                clock.release();
            }
        }
        log.info("Demo 网络舆情 created: roster, duty log, items in every status");
    }

    private static ItemDraft draft(String title, OpinionSource source, String place, OpinionLevel level) {
        return new ItemDraft(title, source, null, null, null, null, null, place, null, null, level);
    }
}
