package org.cityops.stats.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cityops.assessment.AreaRates;
import org.cityops.org.CurrentActor;
import org.cityops.org.StaffMember;
import org.cityops.stats.WallTile;
import org.cityops.stats.internal.CaseStats;
import org.cityops.stats.internal.Dimension;
import org.cityops.stats.internal.Measure;
import org.cityops.stats.internal.StatsQuery;
import org.cityops.stats.internal.StatsRow;
import org.cityops.stats.internal.Wallboard;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** The wall's numbers (every one with the link to its list) and the live stream. */
@RestController
class CommandApiController {

    private static final Logger log = LoggerFactory.getLogger(CommandApiController.class);

    private final Wallboard wallboard;
    private final CaseStats stats;
    private final StatsLabels labels;
    private final CommandStream stream;
    private final List<WallTile> tiles;

    CommandApiController(
            Wallboard wallboard, CaseStats stats, StatsLabels labels, CommandStream stream, List<WallTile> tiles) {
        this.wallboard = wallboard;
        this.stats = stats;
        this.labels = labels;
        this.stream = stream;
        this.tiles =
                tiles.stream().sorted(Comparator.comparingInt(WallTile::order)).toList();
    }

    @GetMapping("/api/v1/command/summary")
    @PreAuthorize(StatsRoles.WALL)
    Map<String, Object> summary(@CurrentActor StaffMember me, @RequestParam(required = false) String area) {
        String scoped = stats.scope(me, area).area();
        Wallboard.Snapshot s = wallboard.snapshot(scoped, stats.today());
        String today = s.today().toString();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("today", today);
        out.put("area", scoped);
        out.put("areaName", scoped.isEmpty() ? "全市" : labels.of(Dimension.DISTRICT, scoped));
        out.put("totals", day(s.totals(), scoped));
        List<Map<String, Object>> channels = new ArrayList<>();
        for (StatsRow r : s.byChannel()) {
            String ch = (String) r.keys().get(0);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("channel", ch);
            m.put("label", StatsLabels.channel(ch));
            m.put("value", r.get(Measure.REPORTED));
            m.put("link", casesLink(scoped, today, today) + (ch.isEmpty() ? "" : "&channel=" + ch));
            channels.add(m);
        }
        out.put("byChannel", channels);
        List<Map<String, Object>> week = new ArrayList<>();
        for (Wallboard.Day d : s.week()) {
            Map<String, Object> m = day(d, scoped);
            m.put("day", d.day().toString());
            week.add(m);
        }
        out.put("week", week);
        List<Map<String, Object>> ranking = new ArrayList<>();
        String monthStart = s.today().withDayOfMonth(1).toString();
        for (Wallboard.Ranked r : s.ranking()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("district", r.district());
            m.put("name", labels.of(Dimension.DISTRICT, r.district()));
            m.put("filed", r.filed());
            m.put("closed", r.closed());
            m.put("closeRate", r.rates().closeRate());
            m.put("closeByDeadlineRate", r.rates().closeByDeadlineRate());
            m.put("link", casesLink(r.district(), monthStart, today));
            ranking.add(m);
        }
        out.put("ranking", ranking);
        List<Map<String, Object>> categories = new ArrayList<>();
        for (StatsRow r : s.topCategories()) {
            String code = (String) r.keys().get(0);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("code", code);
            m.put("name", code.isEmpty() ? "未知" : labels.categoryName(code));
            m.put("value", r.get(Measure.REPORTED));
            m.put("link", casesLink(scoped, monthStart, today) + "&category=" + code);
            categories.add(m);
        }
        out.put("topCategories", categories);
        List<Map<String, Object>> tileList = new ArrayList<>();
        for (WallTile t : tiles) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("key", t.key());
            m.put("title", t.title());
            try {
                m.put("figures", t.figures(me, scoped));
            } catch (RuntimeException e) {
                // one module's failing tile must not take the wall down
                log.warn("wall tile {} failed: {}", t.key(), e.toString());
                m.put("figures", List.of());
            }
            tileList.add(m);
        }
        out.put("tiles", tileList);
        out.put("casesLink", casesLink(scoped, today, today));
        return out;
    }

    private Map<String, Object> day(Wallboard.Day d, String area) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (Measure x : Measure.values()) {
            m.put(StatsApiController.lowerCamel(x), d.counts().getOrDefault(x, 0L));
        }
        AreaRates.Rates r = d.rates();
        m.put("closeRate", r.closeRate());
        m.put("closeByDeadlineRate", r.closeByDeadlineRate());
        m.put("link", casesLink(area, d.day().toString(), d.day().toString()));
        return m;
    }

    private String casesLink(String area, String from, String to) {
        StatsQuery q = new StatsQuery(
                List.of(), java.time.LocalDate.parse(from), java.time.LocalDate.parse(to), area, "", null);
        return labels.casesLink(q, StatsRow.sum(List.of()));
    }

    /** Server-sent events: {@code changed} whenever the roll-up of the wall's area took in a step. */
    @GetMapping(path = "/api/v1/command/stream", produces = "text/event-stream")
    @PreAuthorize(StatsRoles.WALL)
    SseEmitter stream(@CurrentActor StaffMember me, @RequestParam(required = false) String area) {
        String scoped = stats.scope(me, area).area();
        return stream.connect(scoped);
    }
}
