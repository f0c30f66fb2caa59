package org.cityops.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import org.cityops.cases.CaseAction;
import org.cityops.cases.internal.SlaClock;
import org.cityops.cases.support.Places;
import org.cityops.catalog.Catalog;
import org.cityops.geo.GridLocator;
import org.cityops.platform.AdjustableClock;
import org.cityops.platform.CityClock;
import org.cityops.platform.PendingEvents;
import org.cityops.support.Api;
import org.cityops.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 12, point 5: a month of live cases (March 2026) driven by the demo accounts through {@code /api/v1/cases}
 * and its transitions only — every staff channel, 核实/核查 assignments and reassignments, returns, rework,
 * extensions (approved and denied), 挂账 (requested and approved, refused, on the shift leader's own motion,
 * resumed), merges, voids, 督办, reopening visits, on-time and late steps, cases left overdue. Time moves on the
 * demo's {@link AdjustableClock}; before every step the SLA clock's pass runs, as its scheduler would.
 *
 * <p>Then every GB/T 30428.4 indicator of every subject type is computed here, from the cases' histories as
 * {@code GET /api/v1/cases/{id}} shows them (steps, SLA alerts) and the formulas of docs/assessment.md §2–3,
 * and compared with {@code GET /api/v1/assessment/periods/{id}/results}: the same subjects, the same values, and
 * an undefined rate (no denominator) is {@code null} there, never 0.
 *
 * <p>{@code -Dlivecases.cases=2000} plays ten times the history (the performance check of the issue; the
 * computing time is printed).
 */
@IntegrationTest
class LiveMonthAcceptanceTests {

    static final LocalDate FIRST = LocalDate.of(2026, 3, 1);
    static final LocalDate LAST = LocalDate.of(2026, 3, 31);
    static final Instant FROM = FIRST.atStartOfDay(CityClock.ZONE).toInstant();
    static final Instant TO = LAST.plusDays(1).atStartOfDay(CityClock.ZONE).toInstant();
    static final int CASES = Integer.getInteger("livecases.cases", 224);
    static final Duration FAST = Duration.ofMinutes(15);
    static final Duration LATE = Duration.ofDays(3);
    static final Duration VERY_LATE = Duration.ofDays(6);
    static final String[] CHANNELS = {"HOTLINE", "INSPECTOR", "MEDIA", "LEADER"};
    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;

    @Autowired
    AdjustableClock clock;

    @Autowired
    SlaClock sla;

    @Autowired
    PendingEvents pending;

    @Autowired
    GridLocator locator;

    @Autowired
    Catalog catalog;

    @AfterEach
    void releaseTheClock() {
        clock.release();
    }

    // ------------------------------------------------------------------------------------------------ driving

    /** One step of a case's script: how long after the previous one, who, and the request it makes. */
    record Step(Duration after, Function<Play, String> user, Function<Play, String> body) {

        Step(Duration after, String user, Function<Play, String> body) {
            this(after, p -> user, body);
        }
    }

    /** A case being played. */
    static final class Play {
        final int n;
        final Places.Place place;
        final String channel;
        final Deque<Step> script = new ArrayDeque<>();
        Instant next;
        long id;

        Play(int n, Places.Place place, String channel, Instant start) {
            this.n = n;
            this.place = place;
            this.channel = channel;
            this.next = start;
        }

        String district() {
            return place.location().districtCode();
        }
    }

    final Map<String, Long> lastOpenOfDistrict = new HashMap<>();

    @Test
    void everyIndicatorOfEverySubjectTypeComputedFromTheCaseHistoriesMatchesTheAssessment() throws Exception {
        for (String u : List.of(
                "operator1",
                "shiftlead1",
                "dispatcher1",
                "inspector1",
                "leader1",
                "assessor1",
                "handler-hwc",
                "handler-tianning",
                "handler-zhonglou",
                "handler-xinbei",
                "handler-wujin",
                "handler-jintan",
                "handler-liyang",
                "handler-jingkai")) {
            Api.bearer(mvc, u); // tokens first: a token issued on a clock stopped in the past would have expired
        }
        List<Places.Place> places = Places.perDistrict(locator);
        String category = catalog.activeCategories().get(0).qualifiedCode();
        PriorityQueue<Play> queue = new PriorityQueue<>(
                (a, b) -> a.next.equals(b.next) ? Integer.compare(a.n, b.n) : a.next.compareTo(b.next));
        long spread = Duration.ofDays(27).toMinutes();
        for (int i = 0; i < CASES; i++) {
            Instant start =
                    FROM.plus(Duration.ofHours(8)).plus(Duration.ofMinutes(spread * i / CASES + (i * 37L) % 90));
            Play p = new Play(i, places.get(i % places.size()), CHANNELS[i % CHANNELS.length], start);
            script(p, category);
            queue.add(p);
        }
        List<Long> ids = new ArrayList<>();
        Instant now = FROM;
        while (!queue.isEmpty()) {
            Play p = queue.poll();
            if (p.next.isAfter(now)) {
                now = p.next;
            }
            clock.stopAt(now);
            sla.tick();
            Step s = p.script.poll();
            String user = s.user().apply(p);
            String body = s.body().apply(p);
            if (p.id == 0) {
                JsonNode created = call(post("/api/v1/cases"), user, body, 201);
                p.id = created.get("id").asLong();
                ids.add(p.id);
            } else {
                call(post("/api/v1/cases/" + p.id + "/transitions"), user, body, 200);
            }
            if (!p.script.isEmpty()) {
                p.next = now.plus(p.script.peek().after());
                queue.add(p);
            }
        }
        clock.stopAt(TO.minusSeconds(60).isAfter(now) ? TO.minusSeconds(60) : now.plusSeconds(60));
        sla.tick();
        await().atMost(Duration.ofMinutes(2)).until(() -> pending.count() == 0);

        // the assessment of March, through its API
        String scheme = "LIVE-" + System.nanoTime();
        call(
                post("/api/v1/assessment/schemes"),
                "assessor1",
                "{\"code\":\"" + scheme + "\",\"name\":\"验收\","
                        + "\"weights\":{\"PUBLIC\":20,\"THIRD_PARTY\":20,\"SUPERVISION\":40,\"DEPARTMENT\":10,\"DISTRICT\":10}}",
                200,
                201);
        JsonNode period = call(
                post("/api/v1/assessment/periods"),
                "assessor1",
                "{\"from\":\"" + FIRST + "\",\"to\":\"" + LAST + "\",\"scheme\":\"" + scheme + "\"}",
                200,
                201);
        long periodId = period.get("id").asLong();
        JsonNode outcome = call(
                post("/api/v1/assessment/periods/" + periodId + "/compute"), "assessor1", "{\"reason\":\"验收\"}", 200);
        System.out.printf(
                "livecases: %d cases, computed in %d ms (%d subjects)%n",
                ids.size(),
                outcome.get("millis").asLong(),
                outcome.get("subjects").asLong());

        // every case as the API shows it
        Map<Long, JsonNode> views = new LinkedHashMap<>();
        for (long id : ids) {
            views.put(id, call(get("/api/v1/cases/" + id), "operator1", null, 200));
        }
        assertTheHistoryCoversEverything(views);
        Map<Long, String> deptCodes = new HashMap<>();
        views.values().forEach(v -> {
            if (!v.get("departmentId").isNull()) {
                deptCodes.put(
                        v.get("departmentId").asLong(), v.get("departmentCode").asString());
            }
        });
        deptCodes.putAll(dispatchedDepartments);
        List<Fact> facts = new ArrayList<>();
        for (JsonNode v : views.values()) {
            facts.addAll(facts(v, deptCodes));
        }
        List<Fact> inPeriod = facts.stream()
                .filter(f -> !f.at().isBefore(FROM) && f.at().isBefore(TO))
                .toList();
        Map<String, Map<String, Map<String, Double>>> expected = indicators(inPeriod);

        int undefined = 0;
        for (String type : List.of(
                "DISTRICT",
                "STREET",
                "COMMUNITY",
                "GRID",
                "DEPARTMENT",
                "INSPECTOR",
                "OPERATOR",
                "SHIFT_LEADER",
                "DISPATCHER")) {
            JsonNode results = call(
                    get("/api/v1/assessment/periods/" + periodId + "/results?subjectType=" + type),
                    "assessor1",
                    null,
                    200);
            Map<String, Map<String, Double>> mine = expected.getOrDefault(type, Map.of());
            Set<String> theirs = new TreeSet<>();
            for (JsonNode s : results.get("subjects")) {
                String code = s.get("subjectCode").asString();
                theirs.add(code);
                Map<String, Double> want = mine.get(code);
                assertThat(want)
                        .as("%s %s is a subject of the histories", type, code)
                        .isNotNull();
                for (Map.Entry<String, Double> e : want.entrySet()) {
                    JsonNode got = s.get("indicators").get(e.getKey());
                    assertThat(got).as("%s %s has %s", type, code, e.getKey()).isNotNull();
                    if (e.getValue() == null) {
                        undefined++;
                        assertThat(got.isNull())
                                .as("%s %s %s is undefined (no denominator), not %s", type, code, e.getKey(), got)
                                .isTrue();
                    } else {
                        assertThat(got.isNull())
                                .as("%s %s %s is defined", type, code, e.getKey())
                                .isFalse();
                        assertThat(got.asDouble())
                                .as("%s %s %s", type, code, e.getKey())
                                .isCloseTo(
                                        Math.round(e.getValue() * 10000) / 10000.0,
                                        org.assertj.core.data.Offset.offset(1e-9));
                    }
                }
                assertThat(s.get("indicators").size())
                        .as("%s %s indicators", type, code)
                        .isEqualTo(want.size());
            }
            assertThat(theirs).as("subjects of type %s", type).isEqualTo(new TreeSet<>(mine.keySet()));
            assertThat(theirs).as("subjects of type %s", type).isNotEmpty();
        }
        assertThat(undefined).as("some indicator had no denominator").isPositive();
    }

    /** id → code of every department a case was dispatched to (from the transition answers). */
    final Map<Long, String> dispatchedDepartments = new HashMap<>();

    private JsonNode call(MockHttpServletRequestBuilder request, String user, String body, int... ok) throws Exception {
        request.header("Authorization", Api.bearer(mvc, user));
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(body);
        }
        MockHttpServletResponse r = mvc.perform(request).andReturn().getResponse();
        String text = r.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(r.getStatus())
                .as("%s as %s: %s → %s", body, user, r.getStatus(), text)
                .isIn(java.util.Arrays.stream(ok).boxed().toList());
        JsonNode node = JSON.readTree(text);
        if (node.has("departmentId") && !node.get("departmentId").isNull() && node.has("departmentCode")) {
            dispatchedDepartments.put(
                    node.get("departmentId").asLong(),
                    node.get("departmentCode").asString());
        }
        return node;
    }

    private static String action(String action) {
        return "{\"action\":\"" + action + "\"}";
    }

    private static String action(String action, String note) {
        return "{\"action\":\"" + action + "\",\"note\":\"" + note + "\"}";
    }

    private static Step step(Duration after, String user, String body) {
        return new Step(after, user, p -> body);
    }

    /** The script of case {@code n}: sixteen stories, in turn, over the four staff channels. */
    private void script(Play p, String category) {
        int story = p.n % 16;
        boolean inspector = "INSPECTOR".equals(p.channel);
        String taker = inspector ? "inspector1" : p.n % 20 == 3 ? "shiftlead1" : "operator1";
        double lat = p.place.lat() + ((p.n / 7) % 4) * 0.0011;
        double lon = p.place.lon() + ((p.n / 7) % 3) * 0.0013;
        if (locator.locate(lat, lon)
                .filter(g -> g.districtCode().equals(p.district()))
                .isEmpty()) {
            lat = p.place.lat();
            lon = p.place.lon();
        }
        String intake = "{\"channel\":\"" + p.channel + "\",\"categoryCode\":\"" + category
                + "\",\"description\":\"验收案卷 " + p.n + "\",\"lat\":" + lat + ",\"lon\":" + lon
                + (p.n % 11 == 0 ? ",\"urgency\":\"URGENT\"" : "") + "}";
        Deque<Step> s = p.script;
        s.add(step(Duration.ZERO, taker, intake));
        String bureau = Places.bureau(p.place);
        String handler = Places.handlerOf(p.place);
        if (story == 9) { // 合并 into an earlier case of the district, before filing
            s.add(new Step(FAST, q -> lastOpenOfDistrict.containsKey(q.district()) ? "operator1" : "leader1", q -> {
                Long target = lastOpenOfDistrict.get(q.district());
                return target == null
                        ? action("SUPERVISE", "请核实") // nothing to merge into yet: 督办 instead
                        : "{\"action\":\"MERGE\",\"mergeInto\":" + target + "}";
            }));
            return;
        }
        if (!inspector) {
            if (story == 12) { // the shift leader reassigns, the operator sends it again; verified late
                s.add(step(
                        Duration.ofHours(2),
                        "shiftlead1",
                        "{\"action\":\"ASSIGN_INSPECTOR\",\"inspector\":\"inspector1\"}"));
                s.add(step(
                        Duration.ofHours(1),
                        "operator1",
                        "{\"action\":\"ASSIGN_INSPECTOR\",\"inspector\":\"inspector1\"}"));
                s.add(step(LATE, "inspector1", action("VERIFY")));
            } else {
                s.add(step(FAST, "inspector1", action("VERIFY")));
            }
        }
        if (story == 10) {
            s.add(step(FAST, "shiftlead1", action("REJECT", "不属于城管职责")));
            return;
        }
        s.add(new Step(story == 12 ? LATE : FAST, "shiftlead1", q -> {
            lastOpenOfDistrict.put(q.district(), q.id);
            return action("FILE");
        }));
        if (story == 2) { // 回退: first to the wrong department
            s.add(step(FAST, "dispatcher1", "{\"action\":\"DISPATCH\",\"departmentCode\":\"HWC\"}"));
            s.add(step(FAST, "handler-hwc", action("RETURN", "非本部门职责")));
        }
        s.add(step(
                story == 15 ? LATE : FAST,
                "dispatcher1",
                "{\"action\":\"DISPATCH\",\"departmentCode\":\"" + bureau + "\"}"));
        s.add(step(FAST, handler, action("ACCEPT")));
        switch (story) {
            case 4 -> {
                s.add(step(FAST, handler, "{\"action\":\"REQUEST_EXTENSION\",\"note\":\"需协调\",\"extensionHours\":48}"));
                s.add(step(FAST, "shiftlead1", action("APPROVE_EXTENSION")));
            }
            case 5 -> {
                s.add(step(FAST, handler, "{\"action\":\"REQUEST_EXTENSION\",\"note\":\"需协调\",\"extensionHours\":24}"));
                s.add(step(FAST, "shiftlead1", action("DENY_EXTENSION", "可按期完成")));
            }
            case 6, 7, 8 -> {
                s.add(new Step(
                        FAST,
                        handler,
                        q -> "{\"action\":\"REQUEST_SUSPEND\",\"reason\":\"道路大修\",\"expectedDate\":\""
                                + clock.instant()
                                        .atZone(CityClock.ZONE)
                                        .toLocalDate()
                                        .plusDays(20) + "\"}"));
                if (story == 8) {
                    s.add(step(FAST, "shiftlead1", action("REFUSE_SUSPEND", "可先行处置")));
                } else {
                    s.add(step(FAST, "shiftlead1", action("SUSPEND")));
                    if (story == 6) {
                        return; // stays suspended
                    }
                    s.add(step(LATE, "shiftlead1", action("RESUME")));
                }
            }
            case 11 -> {
                return; // left to run out: overdue and open
            }
            case 13 -> {
                s.add(step(FAST, "shiftlead1", action("SUSPEND", "汛期暂缓")));
                s.add(step(Duration.ofDays(1), "shiftlead1", action("RESUME")));
            }
            case 15 -> s.add(step(FAST, "leader1", action("SUPERVISE", "请加快办理")));
            default -> {}
        }
        s.add(step(story == 1 ? VERY_LATE : Duration.ofHours(2), handler, action("REPORT_HANDLED", "已处置")));
        if (story == 3) { // 返工
            s.add(step(FAST, "operator1", "{\"action\":\"ASSIGN_INSPECTOR\",\"inspector\":\"inspector1\"}"));
            s.add(step(FAST, "inspector1", action("CHECK_FAIL", "仍有残留")));
            s.add(step(Duration.ofHours(3), handler, action("REPORT_HANDLED", "已重新处置")));
        }
        s.add(step(story == 7 ? LATE : FAST, "inspector1", action("CHECK_PASS")));
        s.add(step(story == 15 ? LATE : FAST, "shiftlead1", action("CLOSE")));
        String satisfaction = story == 1 ? "BASICALLY_SATISFIED" : story == 5 ? "DISSATISFIED" : "SATISFIED";
        if (story == 14) { // 不满意, reopened: handled again
            s.add(step(
                    Duration.ofHours(1),
                    "operator1",
                    "{\"action\":\"VISIT\",\"satisfaction\":\"DISSATISFIED\",\"reopen\":true}"));
            s.add(step(FAST, handler, action("ACCEPT")));
            s.add(step(Duration.ofHours(2), handler, action("REPORT_HANDLED", "已再次处置")));
            s.add(step(FAST, "inspector1", action("CHECK_PASS")));
            s.add(step(FAST, "shiftlead1", action("CLOSE")));
        }
        s.add(step(
                Duration.ofHours(1), "operator1", "{\"action\":\"VISIT\",\"satisfaction\":\"" + satisfaction + "\"}"));
    }

    private void assertTheHistoryCoversEverything(Map<Long, JsonNode> views) {
        assertThat(views).hasSizeGreaterThanOrEqualTo(Math.min(CASES, 200));
        Set<String> actions = new HashSet<>();
        Set<String> channels = new HashSet<>();
        Set<Boolean> onTime = new HashSet<>();
        Set<String> alerts = new HashSet<>();
        for (JsonNode v : views.values()) {
            channels.add(v.get("channel").asString());
            for (JsonNode h : v.get("history")) {
                actions.add(h.get("action").asString());
                if (!h.get("dueAt").isNull()) {
                    onTime.add(h.get("onTime").asBoolean());
                }
            }
            v.get("alerts").forEach(a -> alerts.add(a.get("kind").asString()));
        }
        Set<String> all = new HashSet<>();
        for (CaseAction a : CaseAction.values()) {
            all.add(a.name());
        }
        assertThat(actions).as("every action was taken").containsAll(all);
        assertThat(channels).containsExactlyInAnyOrder(CHANNELS);
        assertThat(onTime).as("on-time and late steps").containsExactlyInAnyOrder(true, false);
        assertThat(alerts).contains("OVERDUE");
    }

    // ------------------------------------------------------------------------ the indicators, from the histories

    /** A fact as docs/assessment.md §1 defines it, read off a case's history. */
    record Fact(
            long caseId,
            String action,
            String actor,
            String role,
            String assignee,
            String reporter,
            String channel,
            String grid,
            String community,
            String street,
            String district,
            String dept,
            Instant at,
            Boolean onTime,
            Boolean byDeadline,
            Integer satisfaction) {}

    static List<Fact> facts(JsonNode v, Map<Long, String> deptCodes) {
        long id = v.get("id").asLong();
        String channel = v.get("channel").asString();
        String grid = v.get("gridCode").asString();
        String community = v.get("communityCode").asString();
        String street = v.get("streetCode").asString();
        String district = v.get("districtCode").asString();
        JsonNode history = v.get("history");
        String reporter =
                "INSPECTOR".equals(channel) ? history.get(0).get("actor").asString() : null;
        List<Fact> out = new ArrayList<>();
        String lastDispatcher = null;
        Boolean lastHandling = null;
        for (JsonNode h : history) {
            String a = h.get("action").asString();
            String actor = h.get("actor").asString();
            String role = h.get("role").asString();
            String dept = h.get("departmentId").isNull()
                    ? null
                    : deptCodes.get(h.get("departmentId").asLong());
            Instant at = Instant.parse(h.get("actedAt").asString());
            Boolean onTime = h.get("dueAt").isNull() ? null : h.get("onTime").asBoolean();
            record Out(String action, String assignee, Boolean byDeadline, Integer sat) {}
            List<Out> made = new ArrayList<>();
            switch (a) {
                case "INTAKE" -> {
                    made.add(new Out("REPORTED", null, null, null));
                    if (!Set.of("INSPECTOR", "PUBLIC", "SYSTEM").contains(role)) {
                        made.add(new Out("ACCEPTED", null, null, null));
                    }
                }
                case "ASSIGN_INSPECTOR" ->
                    made.add(new Out(
                            "CHECK".equals(h.get("stage").asString()) ? "CHECK_ASSIGNED" : "VERIFY_ASSIGNED",
                            h.get("inspector").asString(),
                            null,
                            null));
                case "VERIFY" -> made.add(new Out("VERIFIED", null, null, null));
                case "FILE" ->
                    made.add(new Out(
                            "FILED",
                            h.get("inspector").isNull()
                                    ? null
                                    : h.get("inspector").asString(),
                            null,
                            null));
                case "REJECT" -> made.add(new Out("VOIDED", null, null, null));
                case "MERGE" -> made.add(new Out("MERGED", null, null, null));
                case "DISPATCH" -> {
                    made.add(new Out("DISPATCHED", null, null, null));
                    lastDispatcher = actor;
                }
                case "RETURN" -> made.add(new Out("RETURNED", lastDispatcher, null, null));
                case "APPROVE_EXTENSION" -> made.add(new Out("EXTENDED", null, null, null));
                case "SUSPEND" -> made.add(new Out("SUSPENDED", null, null, null));
                case "RESUME" -> made.add(new Out("RESUMED", null, null, null));
                case "REPORT_HANDLED" -> {
                    made.add(new Out("HANDLED", null, h.get("onTime").asBoolean(), null));
                    lastHandling = h.get("onTime").asBoolean();
                }
                case "CHECK_PASS" -> made.add(new Out("CHECKED", null, null, null));
                case "CHECK_FAIL" -> {
                    made.add(new Out("CHECKED", null, null, null));
                    made.add(new Out("REWORK", lastDispatcher, null, null));
                }
                case "CLOSE" -> made.add(new Out("CLOSED", null, lastHandling, null));
                case "VISIT" ->
                    made.add(new Out(
                            "RETURN_VISIT", null, null, score(h.get("note").asString())));
                case "SUPERVISE" -> made.add(new Out("SUPERVISED", null, null, null));
                default -> {
                    // ACCEPT, REQUEST_/DENY_EXTENSION, REQUEST_/REFUSE_SUSPEND: nothing is counted
                }
            }
            for (Out o : made) {
                out.add(new Fact(
                        id,
                        o.action(),
                        actor,
                        role,
                        o.assignee(),
                        reporter,
                        channel,
                        grid,
                        community,
                        street,
                        district,
                        dept,
                        at,
                        onTime,
                        o.byDeadline(),
                        o.sat()));
            }
        }
        for (JsonNode alert : v.get("alerts")) {
            if ("OVERDUE".equals(alert.get("kind").asString())
                    && "HANDLE".equals(alert.get("stage").asString())) {
                out.add(new Fact(
                        id,
                        "OVERDUE",
                        null,
                        "SYSTEM",
                        null,
                        reporter,
                        channel,
                        grid,
                        community,
                        street,
                        district,
                        alert.get("departmentCode").isNull()
                                ? null
                                : alert.get("departmentCode").asString(),
                        Instant.parse(alert.get("raisedAt").asString()),
                        false,
                        false,
                        null));
            }
        }
        return out;
    }

    /** 满意 100, 基本满意 60, 不满意 0; the visit's answer is the start of its note. */
    static Integer score(String note) {
        String answer = note.substring("满意度：".length()).split("；")[0];
        return switch (answer) {
            case "满意" -> 100;
            case "基本满意" -> 60;
            case "不满意" -> 0;
            default -> throw new IllegalStateException("no satisfaction in " + note);
        };
    }

    /** type → subject code → indicator → value (null = undefined), by the formulas of docs/assessment.md §3. */
    static Map<String, Map<String, Map<String, Double>>> indicators(List<Fact> facts) {
        Map<String, Map<String, Map<String, Long>>> n = new HashMap<>(); // type → code → counter → n
        Function<String[], Map<String, Long>> subject =
                k -> n.computeIfAbsent(k[0], t -> new TreeMap<>()).computeIfAbsent(k[1], c -> new HashMap<>());

        // areas: one tally per case
        Map<Long, List<Fact>> byCase = group(facts, f -> String.valueOf(f.caseId()));
        for (List<Fact> fs : byCase.values()) {
            Fact any = fs.get(0);
            boolean filed = has(fs, "FILED");
            boolean merged = has(fs, "MERGED");
            Instant suspended = last(fs, "SUSPENDED");
            Instant resumed = last(fs, "RESUMED");
            Instant closed = last(fs, "CLOSED");
            Instant overdue = last(fs, "OVERDUE");
            boolean closedByDeadline =
                    fs.stream().anyMatch(f -> f.action().equals("CLOSED") && Boolean.TRUE.equals(f.byDeadline()));
            boolean suspendedAtEnd = suspended != null && (resumed == null || resumed.isBefore(suspended));
            boolean overdueOpen = overdue != null && (closed == null || closed.isBefore(overdue));
            Map<String, Long> c = new HashMap<>();
            if (filed) {
                add(c, "filed", 1);
                add(c, "suspendedAtEnd", suspendedAtEnd ? 1 : 0);
                add(c, "filedNet", !suspendedAtEnd && !merged ? 1 : 0);
                add(c, "publicFiled", "INSPECTOR".equals(any.channel()) ? 0 : 1);
            }
            add(c, "closed", closed != null ? 1 : 0);
            add(c, "closedByDeadline", closed != null && closedByDeadline ? 1 : 0);
            add(c, "shouldClose", closed != null || overdueOpen ? 1 : 0);
            visits(fs, c);
            for (String[] area : new String[][] {
                {"DISTRICT", any.district()},
                {"STREET", any.street()},
                {"COMMUNITY", any.community()},
                {"GRID", any.grid()}
            }) {
                Map<String, Long> s = subject.apply(area);
                c.forEach((k, v) -> add(s, k, v));
            }
        }

        // departments: one tally per case and department
        Map<Long, List<Fact>> byCaseDept =
                group(facts.stream().filter(f -> f.dept() != null).toList(), f -> f.caseId() + "/" + f.dept());
        for (List<Fact> fs : byCaseDept.values()) {
            Instant handled = last(fs, "HANDLED");
            boolean allByDeadline = fs.stream()
                    .filter(f -> f.action().equals("HANDLED"))
                    .allMatch(f -> Boolean.TRUE.equals(f.byDeadline()));
            Instant overdue = last(fs, "OVERDUE");
            Instant closed = last(fs, "CLOSED");
            boolean overdueUnhandled = overdue != null && (handled == null || handled.isBefore(overdue));
            boolean overdueOpen = overdue != null && (closed == null || closed.isBefore(overdue));
            Map<String, Long> s =
                    subject.apply(new String[] {"DEPARTMENT", fs.get(0).dept()});
            add(s, "assigned", count(fs, "DISPATCHED"));
            add(s, "handled", handled != null ? 1 : 0);
            add(s, "handledByDeadline", handled != null && allByDeadline ? 1 : 0);
            add(s, "handledLate", handled != null && !allByDeadline ? 1 : 0);
            add(s, "overdueUnhandled", overdueUnhandled ? 1 : 0);
            add(s, "shouldHandle", handled != null || overdueUnhandled ? 1 : 0);
            add(s, "closed", closed != null ? 1 : 0);
            add(s, "shouldClose", closed != null || overdueOpen ? 1 : 0);
            add(s, "rework", count(fs, "REWORK"));
            add(s, "extended", count(fs, "EXTENDED"));
            add(s, "returned", count(fs, "RETURNED"));
            visits(fs, s);
        }

        // posts: who did it (in a centre role), to whom it was assigned, who reported
        for (Fact f : facts) {
            String r = f.role();
            String a = f.action();
            boolean onTime = Boolean.TRUE.equals(f.onTime());
            if ("INSPECTOR".equals(r)) {
                if (a.equals("REPORTED")) {
                    add(subject.apply(new String[] {"INSPECTOR", f.actor()}), "reports", 1);
                } else if (a.equals("VERIFIED") || a.equals("CHECKED")) {
                    String k = a.equals("VERIFIED") ? "verifications" : "checks";
                    Map<String, Long> s = subject.apply(new String[] {"INSPECTOR", f.actor()});
                    add(s, k, 1);
                    add(s, k + "OnTime", onTime ? 1 : 0);
                }
            } else if ("OPERATOR".equals(r)) {
                if (a.equals("ACCEPTED")) {
                    add(subject.apply(new String[] {"OPERATOR", f.actor()}), "accepted", 1);
                } else if (a.equals("VERIFY_ASSIGNED") || a.equals("CHECK_ASSIGNED")) {
                    String k = a.equals("VERIFY_ASSIGNED") ? "verifyAssigned" : "checkAssigned";
                    Map<String, Long> s = subject.apply(new String[] {"OPERATOR", f.actor()});
                    add(s, k, 1);
                    add(s, k + "OnTime", onTime ? 1 : 0);
                }
            } else if ("SHIFT_LEADER".equals(r)) {
                if (a.equals("FILED") || a.equals("CLOSED")) {
                    String k = a.equals("FILED") ? "filed" : "closed";
                    Map<String, Long> s = subject.apply(new String[] {"SHIFT_LEADER", f.actor()});
                    add(s, k + "By", 1);
                    add(s, k + "OnTime", onTime ? 1 : 0);
                }
            } else if ("DISPATCHER".equals(r) && a.equals("DISPATCHED")) {
                Map<String, Long> s = subject.apply(new String[] {"DISPATCHER", f.actor()});
                add(s, "dispatched", 1);
                add(s, "dispatchedOnTime", onTime ? 1 : 0);
            }
            if (f.assignee() != null) {
                switch (a) {
                    case "FILED" -> {
                        Map<String, Long> s = subject.apply(new String[] {"INSPECTOR", f.assignee()});
                        add(s, "gridFiled", 1);
                        add(s, "missed", "INSPECTOR".equals(f.channel()) ? 0 : 1);
                    }
                    case "VOIDED", "MERGED" ->
                        add(subject.apply(new String[] {"SHIFT_LEADER", f.assignee()}), "voided", 1);
                    case "RETURNED" -> add(subject.apply(new String[] {"DISPATCHER", f.assignee()}), "returned", 1);
                    case "REWORK" -> add(subject.apply(new String[] {"DISPATCHER", f.assignee()}), "reworked", 1);
                    default -> {}
                }
            }
            if (f.reporter() != null && a.equals("FILED")) {
                add(subject.apply(new String[] {"INSPECTOR", f.reporter()}), "validReports", 1);
            }
        }

        Map<String, Map<String, Map<String, Double>>> out = new HashMap<>();
        n.forEach((type, subjects) -> subjects.forEach(
                (code, c) -> out.computeIfAbsent(type, t -> new TreeMap<>()).put(code, values(type, c))));
        return out;
    }

    static Map<String, Double> values(String type, Map<String, Long> c) {
        Map<String, Double> v = new LinkedHashMap<>();
        switch (type) {
            case "DISTRICT", "STREET", "COMMUNITY", "GRID" -> {
                count(v, c, "filedNet", "filed", "suspendedAtEnd", "publicFiled");
                v.put("publicReportRate", rate(c, "publicFiled", "filed"));
                count(v, c, "shouldClose", "closed");
                v.put("closeRate", rate(c, "closed", "shouldClose"));
                count(v, c, "closedByDeadline");
                v.put("closeByDeadlineRate", rate(c, "closedByDeadline", "shouldClose"));
                v.put("satisfaction", rate(c, "satisfactionSum", "satisfactionN"));
            }
            case "DEPARTMENT" -> {
                count(v, c, "assigned", "shouldHandle", "handled");
                v.put("handleRate", rate(c, "handled", "shouldHandle"));
                count(v, c, "handledByDeadline");
                v.put("handleByDeadlineRate", rate(c, "handledByDeadline", "shouldHandle"));
                count(v, c, "handledLate", "overdueUnhandled", "rework");
                v.put("reworkRate", rate(c, "rework", "handled"));
                count(v, c, "shouldClose", "closed");
                v.put("closeRate", rate(c, "closed", "shouldClose"));
                count(v, c, "extended");
                v.put("extensionRate", rate(c, "extended", "assigned"));
                count(v, c, "returned");
                v.put("satisfaction", rate(c, "satisfactionSum", "satisfactionN"));
            }
            case "INSPECTOR" -> {
                count(v, c, "reports", "validReports");
                v.put("validReportRate", rate(c, "validReports", "reports"));
                count(v, c, "verifications", "verificationsOnTime");
                v.put("verifyOnTimeRate", rate(c, "verificationsOnTime", "verifications"));
                count(v, c, "checks", "checksOnTime");
                v.put("checkOnTimeRate", rate(c, "checksOnTime", "checks"));
                count(v, c, "missed");
                v.put("missedRate", rate(c, "missed", "gridFiled"));
            }
            case "OPERATOR" -> {
                count(v, c, "accepted");
                v.put("verifyDispatchOnTimeRate", rate(c, "verifyAssignedOnTime", "verifyAssigned"));
                v.put("checkDispatchOnTimeRate", rate(c, "checkAssignedOnTime", "checkAssigned"));
            }
            case "SHIFT_LEADER" -> {
                count(v, c, "filedBy");
                v.put("fileOnTimeRate", rate(c, "filedOnTime", "filedBy"));
                long filedBy = c.getOrDefault("filedBy", 0L);
                v.put(
                        "fileAccuracyRate",
                        filedBy == 0 ? null : Math.max(0, filedBy - c.getOrDefault("voided", 0L)) / (double) filedBy);
                count(v, c, "closedBy");
                v.put("closeOnTimeRate", rate(c, "closedOnTime", "closedBy"));
            }
            case "DISPATCHER" -> {
                count(v, c, "dispatched");
                v.put("dispatchOnTimeRate", rate(c, "dispatchedOnTime", "dispatched"));
                long dispatched = c.getOrDefault("dispatched", 0L);
                v.put(
                        "dispatchAccuracyRate",
                        dispatched == 0
                                ? null
                                : Math.max(0, dispatched - c.getOrDefault("returned", 0L)) / (double) dispatched);
            }
            default -> throw new IllegalArgumentException(type);
        }
        return v;
    }

    private static void visits(List<Fact> fs, Map<String, Long> c) {
        for (Fact f : fs) {
            if (f.action().equals("RETURN_VISIT") && f.satisfaction() != null) {
                add(c, "satisfactionSum", f.satisfaction());
                add(c, "satisfactionN", 1);
            }
        }
    }

    private static void count(Map<String, Double> v, Map<String, Long> c, String... counters) {
        for (String k : counters) {
            v.put(k, (double) c.getOrDefault(k, 0L));
        }
    }

    private static Double rate(Map<String, Long> c, String num, String den) {
        long d = c.getOrDefault(den, 0L);
        return d == 0 ? null : c.getOrDefault(num, 0L) / (double) d;
    }

    private static void add(Map<String, Long> c, String k, long n) {
        c.merge(k, n, Long::sum);
    }

    private static boolean has(List<Fact> fs, String action) {
        return fs.stream().anyMatch(f -> f.action().equals(action));
    }

    private static long count(List<Fact> fs, String action) {
        return fs.stream().filter(f -> f.action().equals(action)).count();
    }

    private static Instant last(List<Fact> fs, String action) {
        return fs.stream()
                .filter(f -> f.action().equals(action))
                .map(Fact::at)
                .max(Instant::compareTo)
                .orElse(null);
    }

    private static Map<Long, List<Fact>> group(List<Fact> facts, Function<Fact, String> key) {
        Map<String, List<Fact>> byKey = new LinkedHashMap<>();
        facts.forEach(
                f -> byKey.computeIfAbsent(key.apply(f), k -> new ArrayList<>()).add(f));
        Map<Long, List<Fact>> out = new LinkedHashMap<>();
        long i = 0;
        for (List<Fact> l : byKey.values()) {
            out.put(i++, l);
        }
        return out;
    }
}
