package org.cityops.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.cityops.assessment.StepAction.*;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.util.List;
import java.util.Map;
import org.cityops.support.Api;
import org.cityops.support.IntegrationTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A small case history built by hand (on time, extended, reworked, returned, overdue, suspended, voided,
 * merged, and steps just outside the month in the city's time zone). Every expected number below was worked
 * out by hand from the history and the rules in docs/assessment.md, not by the code under test.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HandBuiltHistoryTests {

    static final String G1 = "910001001001001";
    static final String G2 = "910001002001001";
    static final String INSP = "t_hist_insp";
    static final String OP = "t_hist_op";
    static final String SL = "t_hist_sl";
    static final String DISP = "t_hist_disp";
    static final String A = "T-HIST-A";
    static final String B = "T-HIST-B";

    @Autowired
    MockMvc mvc;

    @Autowired
    CaseFactSink sink;

    long periodId;

    @BeforeAll
    void buildHistoryAndCompute() throws Exception {
        CaseHistory h = new CaseHistory("hist");
        // 1: inspector report, everything on time, closed, satisfied (100)
        h.newCase(9_100_001, "INSPECTOR", G1, null)
                .reportedBy(INSP)
                .step(REPORTED, "2031-03-02T09:00", INSP, "INSPECTOR")
                .step(ACCEPTED, "2031-03-02T09:05", OP, "OPERATOR")
                .step(VERIFY_ASSIGNED, "2031-03-02T09:06", OP, "OPERATOR", INSP, null, true, null, null)
                .step(VERIFIED, "2031-03-02T09:30", INSP, "INSPECTOR", null, null, true, null, null)
                .step(FILED, "2031-03-02T09:40", SL, "SHIFT_LEADER", INSP, null, true, null, null)
                .step(DISPATCHED, "2031-03-02T09:50", DISP, "DISPATCHER", null, A, true, null, null)
                .step(HANDLED, "2031-03-03T10:00", "h_a", "HANDLER", null, A, null, true, null)
                .step(CHECK_ASSIGNED, "2031-03-03T10:10", OP, "OPERATOR", INSP, null, true, null, null)
                .step(CHECKED, "2031-03-03T11:00", INSP, "INSPECTOR", null, null, true, null, null)
                .step(CLOSED, "2031-03-03T11:30", SL, "SHIFT_LEADER", null, A, true, true, null)
                .step(RETURN_VISIT, "2031-03-04T09:00", OP, "OPERATOR", null, A, null, null, 100);
        // 2: hotline, late verification and dispatch, extended, handled within the extended deadline
        h.newCase(9_100_002, "HOTLINE", G1, null)
                .step(ACCEPTED, "2031-03-05T08:00", OP, "OPERATOR")
                .step(VERIFY_ASSIGNED, "2031-03-05T09:00", OP, "OPERATOR", INSP, null, false, null, null)
                .step(VERIFIED, "2031-03-05T15:00", INSP, "INSPECTOR", null, null, false, null, null)
                .step(FILED, "2031-03-05T15:10", SL, "SHIFT_LEADER", INSP, null, true, null, null)
                .step(DISPATCHED, "2031-03-05T18:00", DISP, "DISPATCHER", null, A, false, null, null)
                .step(EXTENDED, "2031-03-06T09:00", SL, "SHIFT_LEADER", null, A, null, null, null)
                .step(HANDLED, "2031-03-09T09:00", "h_a", "HANDLER", null, A, null, true, null)
                .step(CHECK_ASSIGNED, "2031-03-09T09:10", OP, "OPERATOR", INSP, null, true, null, null)
                .step(CHECKED, "2031-03-09T10:00", INSP, "INSPECTOR", null, null, true, null, null)
                .step(CLOSED, "2031-03-10T10:00", SL, "SHIFT_LEADER", null, A, false, true, null)
                .step(RETURN_VISIT, "2031-03-11T10:00", OP, "OPERATOR", null, A, null, null, 60);
        // 3: inspector report, filed late, reworked once, second handling late, closed not by deadline
        h.newCase(9_100_003, "INSPECTOR", G2, null)
                .reportedBy(INSP)
                .step(REPORTED, "2031-03-06T09:00", INSP, "INSPECTOR")
                .step(ACCEPTED, "2031-03-06T09:05", OP, "OPERATOR")
                .step(FILED, "2031-03-06T13:00", SL, "SHIFT_LEADER", INSP, null, false, null, null)
                .step(DISPATCHED, "2031-03-06T13:10", DISP, "DISPATCHER", null, B, true, null, null)
                .step(HANDLED, "2031-03-07T10:00", "h_b", "HANDLER", null, B, null, true, null)
                .step(CHECK_ASSIGNED, "2031-03-07T10:10", OP, "OPERATOR", INSP, null, true, null, null)
                .step(CHECKED, "2031-03-07T11:00", INSP, "INSPECTOR", null, null, true, null, null)
                .step(REWORK, "2031-03-07T11:30", SL, "SHIFT_LEADER", DISP, B, null, null, null)
                .step(HANDLED, "2031-03-12T10:00", "h_b", "HANDLER", null, B, null, false, null)
                .step(CHECK_ASSIGNED, "2031-03-12T10:10", OP, "OPERATOR", INSP, null, true, null, null)
                .step(CHECKED, "2031-03-12T18:00", INSP, "INSPECTOR", null, null, false, null, null)
                .step(CLOSED, "2031-03-12T18:30", SL, "SHIFT_LEADER", null, B, true, false, null);
        // 4: hotline, dispatched to A, returned (wrong department), re-dispatched to B, overdue; handled after the
        // month
        h.newCase(9_100_004, "HOTLINE", G2, null)
                .step(ACCEPTED, "2031-03-10T09:00", OP, "OPERATOR")
                .step(FILED, "2031-03-10T09:20", SL, "SHIFT_LEADER", INSP, null, true, null, null)
                .step(DISPATCHED, "2031-03-10T09:30", DISP, "DISPATCHER", null, A, true, null, null)
                .step(RETURNED, "2031-03-10T14:00", "h_a", "HANDLER", DISP, A, null, null, null)
                .step(DISPATCHED, "2031-03-10T14:20", DISP, "DISPATCHER", null, B, true, null, null)
                .step(OVERDUE, "2031-03-20T14:20", null, "SYSTEM", null, B, null, null, null)
                .step(HANDLED, "2031-04-01T00:10", "h_b", "HANDLER", null, B, null, false, null);
        // 5: inspector report, dispatched to A, put on hold (挂账) and still on hold at month end
        h.newCase(9_100_005, "INSPECTOR", G1, null)
                .reportedBy(INSP)
                .step(REPORTED, "2031-03-12T09:00", INSP, "INSPECTOR")
                .step(ACCEPTED, "2031-03-12T09:05", OP, "OPERATOR")
                .step(FILED, "2031-03-12T09:30", SL, "SHIFT_LEADER", INSP, null, true, null, null)
                .step(DISPATCHED, "2031-03-12T09:40", DISP, "DISPATCHER", null, A, true, null, null)
                .step(SUSPENDED, "2031-03-13T09:00", SL, "SHIFT_LEADER", null, A, null, null, null);
        // 6: inspector report voided before filing (not a valid report)
        h.newCase(9_100_006, "INSPECTOR", G1, null)
                .reportedBy(INSP)
                .step(REPORTED, "2031-03-14T09:00", INSP, "INSPECTOR")
                .step(ACCEPTED, "2031-03-14T09:05", OP, "OPERATOR")
                .step(VOIDED, "2031-03-14T09:30", SL, "SHIFT_LEADER");
        // 7: hotline, leader-assigned, filed then merged into another case as a duplicate
        h.newCase(9_100_007, "HOTLINE", G2, null)
                .leader()
                .step(ACCEPTED, "2031-03-15T09:00", OP, "OPERATOR")
                .step(FILED, "2031-03-15T09:20", SL, "SHIFT_LEADER", INSP, null, true, null, null)
                .step(MERGED, "2031-03-15T10:00", SL, "SHIFT_LEADER", SL, null, null, null, null);
        // 8: inspector report, media-exposed, overdue, then handled late and closed
        h.newCase(9_100_008, "INSPECTOR", G1, null)
                .reportedBy(INSP)
                .media()
                .step(REPORTED, "2031-03-16T09:00", INSP, "INSPECTOR")
                .step(ACCEPTED, "2031-03-16T09:05", OP, "OPERATOR")
                .step(FILED, "2031-03-16T09:20", SL, "SHIFT_LEADER", INSP, null, true, null, null)
                .step(DISPATCHED, "2031-03-16T09:30", DISP, "DISPATCHER", null, A, true, null, null)
                .step(OVERDUE, "2031-03-18T09:30", null, "SYSTEM", null, A, null, null, null)
                .step(HANDLED, "2031-03-19T09:00", "h_a", "HANDLER", null, A, null, false, null)
                .step(CHECK_ASSIGNED, "2031-03-19T09:10", OP, "OPERATOR", INSP, null, true, null, null)
                .step(CHECKED, "2031-03-19T10:00", INSP, "INSPECTOR", null, null, true, null, null)
                .step(CLOSED, "2031-03-19T11:00", SL, "SHIFT_LEADER", null, A, true, false, null);
        // 9: filed and dispatched in February (city time), handled 00:30 on 1 March city time (still 28 Feb UTC)
        h.newCase(9_100_009, "HOTLINE", G1, null)
                .step(FILED, "2031-02-28T23:30", SL, "SHIFT_LEADER", INSP, null, true, null, null)
                .step(DISPATCHED, "2031-02-28T23:40", DISP, "DISPATCHER", null, A, true, null, null)
                .step(HANDLED, "2031-03-01T00:30", "h_a", "HANDLER", null, A, null, true, null)
                .step(CLOSED, "2031-03-01T10:00", SL, "SHIFT_LEADER", null, A, true, true, null);
        sink.recordAll(h.facts);
        assertThat(sink.recordAll(h.facts))
                .as("recording the same facts again adds nothing")
                .isZero();

        String token = Api.bearer(mvc, "assessor1");
        String scheme = "T-HIST-" + System.nanoTime();
        mvc.perform(post("/api/v1/assessment/schemes")
                        .header("Authorization", token)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                        {"code":"%s","name":"手算校验方案","weights":{"PUBLIC":0,"THIRD_PARTY":0,"SUPERVISION":100,
                         "DEPARTMENT":0,"DISTRICT":0}}""".formatted(scheme)))
                .andExpect(status().isCreated());
        String body = mvc.perform(post("/api/v1/assessment/periods")
                        .header("Authorization", token)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"from\":\"2031-03-01\",\"to\":\"2031-03-31\",\"scheme\":\"" + scheme + "\"}"))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        periodId = ((Number) JsonPath.read(body, "$.id")).longValue();
        assertThat((String) JsonPath.read(body, "$.kind")).isEqualTo("MONTH");
        mvc.perform(post("/api/v1/assessment/periods/" + periodId + "/compute").header("Authorization", token))
                .andExpect(status().isOk());
    }

    Map<String, Object> subject(String type, String code) throws Exception {
        String body = mvc.perform(get("/api/v1/assessment/periods/" + periodId + "/results")
                        .param("subjectType", type)
                        .header("Authorization", Api.bearer(mvc, "assessor1")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        List<Map<String, Object>> found = JsonPath.read(body, "$.subjects[?(@.subjectCode == '" + code + "')]");
        assertThat(found).as(type + " " + code).hasSize(1);
        return found.get(0);
    }

    @SuppressWarnings("unchecked")
    static void expect(Map<String, Object> subject, Object... pairs) {
        Map<String, Object> ind = (Map<String, Object>) subject.get("indicators");
        for (int i = 0; i < pairs.length; i += 2) {
            String name = (String) pairs[i];
            Object want = pairs[i + 1];
            if (want == null) {
                assertThat(ind.get(name)).as(name).isNull();
            } else {
                assertThat(((Number) ind.get(name)).doubleValue())
                        .as(name)
                        .isCloseTo(((Number) want).doubleValue(), within(0.0001));
            }
        }
    }

    static void composite(Map<String, Object> subject, double value, String grade) {
        assertThat(((Number) subject.get("composite")).doubleValue()).isCloseTo(value, within(0.005));
        assertThat(subject.get("compositeGrade")).isEqualTo(grade);
    }

    @Test
    void gridOneCountsOnTimeExtendedSuspendedAndLateClosings() throws Exception {
        var g = subject("GRID", G1);
        expect(
                g,
                "filed",
                4,
                "suspendedAtEnd",
                1,
                "filedNet",
                3,
                "publicFiled",
                1,
                "publicReportRate",
                0.25,
                "shouldClose",
                4,
                "closed",
                4,
                "closeRate",
                1.0,
                "closedByDeadline",
                3,
                "closeByDeadlineRate",
                0.75,
                "satisfaction",
                80);
        composite(g, 82.5, "B"); // 10×75 + 20×75 (3 cases → band ≤4) + 30×100 + 40×75
    }

    @Test
    void gridTwoCountsMergedReturnedReworkedAndOverdueCases() throws Exception {
        var g = subject("GRID", G2);
        expect(
                g,
                "filed",
                3,
                "filedNet",
                2,
                "publicFiled",
                2,
                "publicReportRate",
                2.0 / 3,
                "shouldClose",
                2,
                "closed",
                1,
                "closeRate",
                0.5,
                "closeByDeadlineRate",
                0.0,
                "satisfaction",
                null);
        composite(g, 36.33, "E"); // 10×33.33 + 20×90 + 30×50 + 40×0
    }

    @Test
    void theDistrictAddsUpItsGridsAndStreetsFollowTheirOwnGrids() throws Exception {
        var d = subject("DISTRICT", "910001");
        expect(
                d,
                "filed",
                7,
                "filedNet",
                5,
                "suspendedAtEnd",
                1,
                "publicFiled",
                3,
                "publicReportRate",
                3.0 / 7,
                "shouldClose",
                6,
                "closed",
                5,
                "closeRate",
                5.0 / 6,
                "closedByDeadline",
                3,
                "closeByDeadlineRate",
                0.5);
        composite(d, 68.71, "C"); // 10×57.14 + 20×90 + 30×83.33 + 40×50
        expect(subject("STREET", "910001001"), "filed", 4, "closeByDeadlineRate", 0.75);
        expect(subject("COMMUNITY", "910001002001"), "filed", 3, "closeRate", 0.5);
    }

    @Test
    void departmentAHasAnExtensionAReturnAndOneLateHandling() throws Exception {
        var a = subject("DEPARTMENT", A);
        expect(
                a,
                "assigned",
                5,
                "shouldHandle",
                4,
                "handled",
                4,
                "handleRate",
                1.0,
                "handledByDeadline",
                3,
                "handleByDeadlineRate",
                0.75,
                "handledLate",
                1,
                "overdueUnhandled",
                0,
                "rework",
                0,
                "reworkRate",
                0.0,
                "shouldClose",
                4,
                "closed",
                4,
                "closeRate",
                1.0,
                "extended",
                1,
                "extensionRate",
                0.2,
                "returned",
                1,
                "satisfaction",
                80);
        composite(a, 92.5, "A"); // 10×100 + 30×100 + 30×75 + 30×100
    }

    @Test
    void departmentBHasAReworkAndAnOverdueUnhandledCase() throws Exception {
        var b = subject("DEPARTMENT", B);
        expect(
                b,
                "assigned",
                2,
                "shouldHandle",
                2,
                "handled",
                1,
                "handleRate",
                0.5,
                "handledByDeadline",
                0,
                "handleByDeadlineRate",
                0.0,
                "handledLate",
                1,
                "overdueUnhandled",
                1,
                "rework",
                1,
                "reworkRate",
                1.0,
                "shouldClose",
                2,
                "closed",
                1,
                "closeRate",
                0.5,
                "extended",
                0,
                "extensionRate",
                0.0,
                "returned",
                0);
        composite(b, 25.0, "E"); // 10×100 + 30×50 + 30×0 + 30×0
    }

    @Test
    void theInspectorIsJudgedOnReportsVerificationsChecksAndMissedProblems() throws Exception {
        var i = subject("INSPECTOR", INSP);
        expect(
                i,
                "reports",
                5,
                "validReports",
                4,
                "validReportRate",
                0.8,
                "verifications",
                2,
                "verificationsOnTime",
                1,
                "verifyOnTimeRate",
                0.5,
                "checks",
                5,
                "checksOnTime",
                4,
                "checkOnTimeRate",
                0.8,
                "missed",
                3,
                "missedRate",
                3.0 / 7);
        composite(i, 69.43, "C"); // 40×80 + 20×57.14 + 20×50 + 20×80
    }

    @Test
    void theOperatorIsJudgedOnAcceptancesAndOnTimeTaskDispatch() throws Exception {
        var o = subject("OPERATOR", OP);
        expect(o, "accepted", 8, "verifyDispatchOnTimeRate", 0.5, "checkDispatchOnTimeRate", 1.0);
        composite(o, 55.0, "D"); // 25×0 (8 ≤ 100) + 40×50 + 35×100
    }

    @Test
    void theShiftLeaderLosesAccuracyForTheMergedDuplicate() throws Exception {
        var s = subject("SHIFT_LEADER", SL);
        expect(
                s,
                "filedBy",
                7,
                "fileOnTimeRate",
                6.0 / 7,
                "fileAccuracyRate",
                6.0 / 7,
                "closedBy",
                5,
                "closeOnTimeRate",
                0.8);
        composite(s, 83.71, "B"); // 25×85.71 + 40×85.71 + 35×80
    }

    @Test
    void theDispatcherLosesAccuracyForTheReturnedDispatch() throws Exception {
        var d = subject("DISPATCHER", DISP);
        expect(d, "dispatched", 7, "dispatchOnTimeRate", 6.0 / 7, "dispatchAccuracyRate", 6.0 / 7);
        composite(d, 68.57, "C"); // 20×0 (7 ≤ 100) + 40×85.71 + 40×85.71
    }

    @Test
    void drillingDownFromTheDistrictsClosingRateListsTheCasesBehindIt() throws Exception {
        String body = mvc.perform(get("/api/v1/assessment/periods/" + periodId + "/drill")
                        .param("subjectType", "DISTRICT")
                        .param("code", "910001")
                        .param("indicator", "closeRate")
                        .header("Authorization", Api.bearer(mvc, "assessor1")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(((Number) JsonPath.read(body, "$.numerator")).longValue()).isEqualTo(5);
        assertThat(((Number) JsonPath.read(body, "$.denominator")).longValue()).isEqualTo(6);
        List<Number> cases = JsonPath.read(body, "$.rows[*].caseId");
        assertThat(cases.stream().map(Number::longValue).sorted().toList())
                .containsExactly(9_100_001L, 9_100_002L, 9_100_003L, 9_100_004L, 9_100_008L, 9_100_009L);
        List<Number> openOnes = JsonPath.read(body, "$.rows[?(@.numerator == 0)].caseId");
        assertThat(openOnes.get(0).longValue()).isEqualTo(9_100_004L);
    }

    @Test
    void drillingDownFromAPostListsTheStepsBehindIt() throws Exception {
        String body = mvc.perform(get("/api/v1/assessment/periods/" + periodId + "/drill")
                        .param("subjectType", "DISPATCHER")
                        .param("code", DISP)
                        .param("indicator", "dispatchAccuracyRate")
                        .header("Authorization", Api.bearer(mvc, "assessor1")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(((Number) JsonPath.read(body, "$.numerator")).longValue()).isEqualTo(6);
        assertThat(((Number) JsonPath.read(body, "$.denominator")).longValue()).isEqualTo(7);
        List<String> actions = JsonPath.read(body, "$.rows[*].action");
        assertThat(actions).filteredOn("RETURNED"::equals).hasSize(1);
        assertThat(actions).filteredOn("DISPATCHED"::equals).hasSize(7);
    }
}
