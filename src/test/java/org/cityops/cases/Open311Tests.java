package org.cityops.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.xpath;

import com.jayway.jsonpath.JsonPath;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import org.cityops.cases.support.Places;
import org.cityops.catalog.Catalog;
import org.cityops.geo.GridLocator;
import org.cityops.support.Api;
import org.cityops.support.IntegrationTest;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

@IntegrationTest
class Open311Tests {

    static final String KEY = "cityops-demo-key";
    static final String W3C = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\+08:00";
    /** Personal data the reporter and staff put into a case; none of it may leave through Open311. */
    static final String PHONE = "13912345678";

    static final String NAME = "王小明";
    static final String NOTE = "联系人赵大妈 13611112222 已沟通";

    @Autowired
    MockMvc mvc;

    @Autowired
    Catalog catalog;

    @Autowired
    GridLocator locator;

    @Autowired
    JdbcClient jdbc;

    String code() {
        return catalog.activeCategories().get(0).qualifiedCode();
    }

    MockHttpServletRequestBuilder create(String fmt, String key, String description) {
        Places.Place p = Places.any(locator);
        return post("/open311/v2/requests." + fmt)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .param("api_key", key)
                .param("service_code", code())
                .param("description", description)
                .param("lat", String.valueOf(p.lat()))
                .param("long", String.valueOf(p.lon()))
                .param("first_name", "Li")
                .param("phone", "13700000000");
    }

    @Test
    void discoveryAndServicesComeInXmlAndJson() throws Exception {
        mvc.perform(get("/open311/v2/discovery.xml"))
                .andExpect(status().isOk())
                .andExpect(content().contentType("text/xml;charset=utf-8"))
                .andExpect(xpath("/discovery/endpoints/endpoint[1]/formats/format[1]")
                        .string("text/xml"));
        mvc.perform(get("/open311/v2/discovery.json"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.endpoints[0].formats[1]").value("application/json"));
        mvc.perform(get("/open311/v2/services.json"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].service_code").isString())
                .andExpect(jsonPath("$[0].type").value("realtime"));
        mvc.perform(get("/open311/v2/services.xml"))
                .andExpect(status().isOk())
                .andExpect(xpath("/services/service[1]/service_code").exists());
        mvc.perform(get("/open311/v2/services/NOPE.json"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$[0].code").value(404));
    }

    @Test
    void aClientWithTheKeyPostsARequestAndReadsItBack() throws Exception {
        // digits spelled as letters: a random id with a run of digits would be masked as a personal number
        String description = "Open311 " + lettersOnly(UUID.randomUUID());
        String res = mvc.perform(create("json", KEY, description))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].service_request_id").isString())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String id = JsonPath.read(res, "$[0].service_request_id");
        mvc.perform(get("/open311/v2/requests/" + id + ".json"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].status").value("open"))
                .andExpect(jsonPath("$[0].description").value(description))
                .andExpect(jsonPath("$[0].requested_datetime")
                        .value(Matchers.matchesPattern("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\+08:00")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("13700000000"))));
        mvc.perform(get("/open311/v2/requests/" + id + ".xml"))
                .andExpect(status().isOk())
                .andExpect(xpath("/service_requests/request/service_request_id").string(id));
        mvc.perform(get("/open311/v2/tokens/" + id + ".json"))
                .andExpect(jsonPath("$[0].service_request_id").value(id));
        assertThat(jdbc.sql("SELECT channel FROM city_case WHERE case_number = :n")
                        .param("n", id)
                        .query(String.class)
                        .single())
                .isEqualTo("OPEN311");
    }

    @Test
    void badRequestsGetOpen311Errors() throws Exception {
        mvc.perform(create("xml", "wrong-key", "x"))
                .andExpect(status().isForbidden())
                .andExpect(xpath("/errors/error/code").string("403"));
        mvc.perform(post("/open311/v2/requests.json")
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .param("api_key", KEY)
                        .param("service_code", code())
                        .param("description", "no place"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$[0].code").value(400));
        mvc.perform(post("/open311/v2/requests.json")
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .param("api_key", KEY)
                        .param("service_code", "NOPE")
                        .param("lat", "31.8")
                        .param("long", "119.9"))
                .andExpect(status().isNotFound());
        mvc.perform(create("json", KEY, "长".repeat(4001))).andExpect(status().isBadRequest());
        mvc.perform(get("/open311/v2/requests.json").param("start_date", "yesterday"))
                .andExpect(status().isBadRequest());
    }

    @Test
    void aReplayWithTheSameIdempotencyKeyGivesTheSameRequest() throws Exception {
        String key = UUID.randomUUID().toString();
        String description = "Open311 replay " + key;
        String a = mvc.perform(create("json", KEY, description).header("Idempotency-Key", key))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String b = mvc.perform(create("json", KEY, description).header("Idempotency-Key", key))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat((Object) JsonPath.read(b, "$[0].service_request_id"))
                .isEqualTo(JsonPath.read(a, "$[0].service_request_id"));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM city_case WHERE description = :d")
                        .param("d", description)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void requestsArePagedUpTo500() throws Exception {
        mvc.perform(get("/open311/v2/requests.json").param("page_size", "1000").param("status", "open,closed"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(Matchers.lessThanOrEqualTo(500)));
        mvc.perform(get("/open311/v2/requests.xml").param("page_size", "2").param("page", "1"))
                .andExpect(status().isOk())
                .andExpect(xpath("count(/service_requests/request)").number(Matchers.lessThanOrEqualTo(2.0)));
    }

    // ---- extensions=true and servicerequestupdates (FixMyStreet) ----

    record StaffCase(long id, String number, Places.Place place) {}

    /** A hotline case with the reporter's name and phone, taken in by an operator through the case API. */
    StaffCase hotlineCase() throws Exception {
        Places.Place p = Places.any(locator);
        String body = """
                {"channel":"HOTLINE","categoryCode":"%s","description":"Open311 ext %s","lat":%s,"lon":%s,
                 "address":"测试路1号","urgency":"NORMAL","reporter":{"name":"%s","phone":"%s"}}""".formatted(code(), UUID.randomUUID(), p.lat(), p.lon(), NAME, PHONE);
        String res = mvc.perform(post("/api/v1/cases")
                        .header("Authorization", Api.bearer(mvc, "operator1"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return new StaffCase(((Number) JsonPath.read(res, "$.id")).longValue(), JsonPath.read(res, "$.caseNumber"), p);
    }

    ResultActions act(String user, StaffCase c, String action, String extra) throws Exception {
        return mvc.perform(post("/api/v1/cases/" + c.id() + "/transitions")
                        .header("Authorization", Api.bearer(mvc, user))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"action\":\"" + action + "\"" + extra + "}"))
                .andExpect(status().isOk());
    }

    /** The request with extensions=true shows this extended status and detailed status; plain v2 shows open/closed. */
    void shows(StaffCase c, String extended, CaseStatus detailed) throws Exception {
        mvc.perform(get("/open311/v2/requests/" + c.number() + ".json").param("extensions", "true"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].status").value(extended))
                .andExpect(jsonPath("$[0].extended_attributes.detailed_status").value(detailed.name()))
                .andExpect(jsonPath("$[0].extended_attributes.detailed_status_label")
                        .value(detailed.label()))
                .andExpect(
                        jsonPath("$[0].extended_attributes.plain_status").value(detailed.isOpen() ? "open" : "closed"));
        mvc.perform(get("/open311/v2/requests/" + c.number() + ".json"))
                .andExpect(jsonPath("$[0].status").value(detailed.isOpen() ? "open" : "closed"))
                .andExpect(jsonPath("$[0].extended_attributes").doesNotExist());
    }

    List<String> updateStatuses(StaffCase c) throws Exception {
        return JsonPath.read(updates(c), "$[*].status");
    }

    String updates(StaffCase c) throws Exception {
        return mvc.perform(get("/open311/v2/servicerequestupdates.json").param("service_request_id", c.number()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    static String w3c(OffsetDateTime t) {
        return t.withOffsetSameInstant(ZoneOffset.ofHours(8)).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    @Test
    void with_extensions_every_stage_of_the_main_path_shows_its_fixmystreet_status() throws Exception {
        StaffCase c = hotlineCase();
        String handler = Places.handlerOf(c.place());
        shows(c, "investigating", CaseStatus.PENDING_VERIFY);
        act("inspector1", c, "VERIFY", "");
        shows(c, "investigating", CaseStatus.PENDING_FILE);
        act("shiftlead1", c, "FILE", "");
        shows(c, "action_scheduled", CaseStatus.FILED);
        act("dispatcher1", c, "DISPATCH", ",\"departmentCode\":\"" + Places.bureau(c.place()) + "\"");
        shows(c, "action_scheduled", CaseStatus.DISPATCHED);
        act(handler, c, "ACCEPT", "");
        shows(c, "in_progress", CaseStatus.ACCEPTED);
        act(handler, c, "REQUEST_EXTENSION", ",\"note\":\"" + NOTE + "\",\"extensionHours\":24");
        shows(c, "in_progress", CaseStatus.EXTENSION_REQUESTED);
        act("shiftlead1", c, "APPROVE_EXTENSION", "");
        act("shiftlead1", c, "SUSPEND", ",\"note\":\"" + NOTE + "\"");
        shows(c, "action_scheduled", CaseStatus.SUSPENDED);
        act("shiftlead1", c, "RESUME", "");
        shows(c, "in_progress", CaseStatus.ACCEPTED);
        act(handler, c, "REPORT_HANDLED", ",\"note\":\"" + NOTE + "\"");
        shows(c, "in_progress", CaseStatus.HANDLED);
        act("inspector1", c, "CHECK_PASS", "");
        shows(c, "in_progress", CaseStatus.CHECKED);
        act("shiftlead1", c, "CLOSE", "");
        shows(c, "fixed", CaseStatus.CLOSED);
        act("operator1", c, "VISIT", ",\"satisfaction\":\"SATISFIED\"");
        shows(c, "fixed", CaseStatus.VISITED);
    }

    @Test
    void with_extensions_a_rejected_case_is_no_further_action_and_a_merged_one_a_duplicate_of_its_parent()
            throws Exception {
        StaffCase rejected = hotlineCase();
        act("shiftlead1", rejected, "REJECT", ",\"reason\":\"" + NOTE + "\"");
        shows(rejected, "no_further_action", CaseStatus.REJECTED);
        StaffCase parent = hotlineCase();
        StaffCase merged = hotlineCase();
        act("operator1", merged, "MERGE", ",\"mergeInto\":" + parent.id());
        shows(merged, "duplicate", CaseStatus.MERGED);
        mvc.perform(get("/open311/v2/requests/" + merged.number() + ".json").param("extensions", "true"))
                .andExpect(jsonPath("$[0].extended_attributes.duplicate").value("true"))
                .andExpect(jsonPath("$[0].extended_attributes.parent_service_request_id")
                        .value(parent.number()));
        mvc.perform(get("/open311/v2/requests/" + parent.number() + ".json").param("extensions", "true"))
                .andExpect(jsonPath("$[0].extended_attributes.duplicate").value("false"));
        assertThat(updateStatuses(rejected)).containsExactly("no_further_action");
        assertThat(updateStatuses(merged)).containsExactly("duplicate");
    }

    @Test
    void extended_attributes_carry_public_fields_only_in_json_and_xml() throws Exception {
        StaffCase c = hotlineCase();
        act("leader1", c, "SUPERVISE", ",\"note\":\"" + NOTE + "\"");
        String json = mvc.perform(
                        get("/open311/v2/requests/" + c.number() + ".json").param("extensions", "true"))
                .andExpect(status().isOk())
                .andExpect(content().contentType("application/json;charset=utf-8"))
                .andExpect(jsonPath("$[0].extended_attributes.case_number").value(c.number()))
                .andExpect(
                        jsonPath("$[0].extended_attributes.district").value(Matchers.not(Matchers.emptyOrNullString())))
                .andExpect(jsonPath("$[0].requested_datetime").value(Matchers.matchesPattern(W3C)))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String xml = mvc.perform(
                        get("/open311/v2/requests/" + c.number() + ".xml").param("extensions", "true"))
                .andExpect(status().isOk())
                .andExpect(content().contentType("text/xml;charset=utf-8"))
                .andExpect(xpath("/service_requests/request/status").string("investigating"))
                .andExpect(xpath("/service_requests/request/extended_attributes/detailed_status")
                        .string("PENDING_VERIFY"))
                .andExpect(xpath("/service_requests/request/extended_attributes/case_number")
                        .string(c.number()))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String list = mvc.perform(get("/open311/v2/requests.json")
                        .param("service_request_id", c.number())
                        .param("extensions", "true"))
                .andExpect(jsonPath("$[0].status").value("investigating"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        for (String out : List.of(json, xml, list)) {
            assertThat(out)
                    .doesNotContain(PHONE)
                    .doesNotContain(NAME)
                    .doesNotContain("赵大妈")
                    .doesNotContain("operator1")
                    .doesNotContain("leader1");
        }
    }

    @Test
    void extensions_other_than_true_or_false_are_a_400_and_false_stays_plain() throws Exception {
        StaffCase c = hotlineCase();
        mvc.perform(get("/open311/v2/requests/" + c.number() + ".json").param("extensions", "false"))
                .andExpect(jsonPath("$[0].status").value("open"))
                .andExpect(jsonPath("$[0].extended_attributes").doesNotExist());
        mvc.perform(get("/open311/v2/requests/" + c.number() + ".json").param("extensions", ""))
                .andExpect(jsonPath("$[0].status").value("open"));
        mvc.perform(get("/open311/v2/requests.json").param("extensions", "yes"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$[0].code").value(400));
        mvc.perform(get("/open311/v2/requests/" + c.number() + ".xml").param("extensions", "1"))
                .andExpect(status().isBadRequest())
                .andExpect(xpath("/errors/error/code").string("400"));
    }

    @Test
    void an_unknown_service_request_id_is_a_404_in_both_formats() throws Exception {
        mvc.perform(get("/open311/v2/requests/99999999999999.json").param("extensions", "true"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$[0].code").value(404));
        mvc.perform(get("/open311/v2/requests/99999999999999.xml"))
                .andExpect(status().isNotFound())
                .andExpect(xpath("/errors/error/code").string("404"));
        mvc.perform(get("/open311/v2/servicerequestupdates.json").param("service_request_id", "99999999999999"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$[0].code").value(404));
        mvc.perform(get("/open311/v2/servicerequestupdates.xml").param("service_request_id", "99999999999999"))
                .andExpect(status().isNotFound())
                .andExpect(xpath("/errors/error/code").string("404"));
        mvc.perform(get("/open311/v2/servicerequestupdates.html")).andExpect(status().isNotFound());
    }

    @Test
    void the_updates_feed_has_one_update_per_status_change_oldest_first_with_public_text_only() throws Exception {
        StaffCase c = hotlineCase();
        String handler = Places.handlerOf(c.place());
        act("inspector1", c, "VERIFY", ",\"note\":\"" + NOTE + "\"");
        act("leader1", c, "SUPERVISE", ",\"note\":\"" + NOTE + "\"");
        act("shiftlead1", c, "FILE", "");
        act("dispatcher1", c, "DISPATCH", ",\"departmentCode\":\"" + Places.bureau(c.place()) + "\"");
        act(handler, c, "RETURN", ",\"reason\":\"" + NOTE + "\"");
        act("dispatcher1", c, "DISPATCH", ",\"departmentCode\":\"" + Places.bureau(c.place()) + "\"");
        act(handler, c, "ACCEPT", "");
        act(handler, c, "REPORT_HANDLED", ",\"note\":\"" + NOTE + "\"");
        act("inspector1", c, "CHECK_FAIL", ",\"note\":\"" + NOTE + "\"");
        act(handler, c, "REPORT_HANDLED", ",\"note\":\"" + NOTE + "\"");
        act("inspector1", c, "CHECK_PASS", "");
        act("shiftlead1", c, "CLOSE", "");
        act("operator1", c, "VISIT", ",\"satisfaction\":\"DISSATISFIED\",\"reopen\":true");
        String json = mvc.perform(get("/open311/v2/servicerequestupdates.json").param("service_request_id", c.number()))
                .andExpect(status().isOk())
                .andExpect(content().contentType("application/json;charset=utf-8"))
                .andExpect(jsonPath("$[*].updated_datetime", Matchers.everyItem(Matchers.matchesPattern(W3C))))
                .andExpect(jsonPath("$[*].service_request_id", Matchers.everyItem(Matchers.is(c.number()))))
                .andExpect(jsonPath("$[*].update_id", Matchers.everyItem(Matchers.isA(String.class))))
                .andExpect(jsonPath("$[0].description").value(Matchers.containsString("核实")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        // intake and 督办 change no status, so they are not updates
        assertThat((List<String>) JsonPath.read(json, "$[*].status"))
                .containsExactly(
                        "investigating",
                        "action_scheduled",
                        "action_scheduled",
                        "action_scheduled",
                        "action_scheduled",
                        "in_progress",
                        "in_progress",
                        "in_progress",
                        "in_progress",
                        "in_progress",
                        "fixed",
                        "action_scheduled");
        List<String> ids = JsonPath.read(json, "$[*].update_id");
        assertThat(ids.stream().map(Long::valueOf).toList()).isSorted();
        List<String> times = JsonPath.read(json, "$[*].updated_datetime");
        assertThat(times.stream().map(OffsetDateTime::parse).toList()).isSorted();
        assertThat(json)
                .doesNotContain("赵大妈")
                .doesNotContain("13611112222")
                .doesNotContain(PHONE)
                .doesNotContain(NAME)
                .doesNotContain("handler-")
                .doesNotContain("inspector1");
        mvc.perform(get("/open311/v2/servicerequestupdates.xml").param("service_request_id", c.number()))
                .andExpect(status().isOk())
                .andExpect(content().contentType("text/xml;charset=utf-8"))
                .andExpect(content().string(Matchers.startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")))
                .andExpect(
                        xpath("count(/service_request_updates/request_update)").number(12.0))
                .andExpect(xpath("/service_request_updates/request_update[1]/update_id")
                        .string(ids.get(0)))
                .andExpect(xpath("/service_request_updates/request_update[11]/status")
                        .string("fixed"))
                .andExpect(xpath("/service_request_updates/request_update[1]/media_url")
                        .string(""))
                .andExpect(content().string(Matchers.not(Matchers.containsString("赵大妈"))));
    }

    @Test
    void a_handling_photo_is_the_media_url_of_the_handling_update_and_only_it_is_public() throws Exception {
        StaffCase c = hotlineCase();
        String handler = Places.handlerOf(c.place());
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0};
        long reportPhoto = photo(c, "REPORT", png, "operator1");
        act("inspector1", c, "VERIFY", "");
        act("shiftlead1", c, "FILE", "");
        act("dispatcher1", c, "DISPATCH", ",\"departmentCode\":\"" + Places.bureau(c.place()) + "\"");
        act(handler, c, "ACCEPT", "");
        long handled = photo(c, "HANDLED", png, handler);
        act(handler, c, "REPORT_HANDLED", ",\"note\":\"已清理\"");
        String json = updates(c);
        List<String> media = JsonPath.read(json, "$[?(@.media_url != null)].media_url");
        assertThat(media).hasSize(1);
        assertThat(media.get(0)).endsWith("/open311/v2/media/" + c.number() + "/" + handled);
        mvc.perform(get("/open311/v2/media/" + c.number() + "/" + handled))
                .andExpect(status().isOk())
                .andExpect(content().contentType("image/png"))
                .andExpect(content().bytes(png));
        mvc.perform(get("/open311/v2/media/" + c.number() + "/" + reportPhoto)).andExpect(status().isNotFound());
        mvc.perform(get("/open311/v2/media/99999999999999/" + handled)).andExpect(status().isNotFound());
        mvc.perform(get("/open311/v2/media/" + c.number() + "/x")).andExpect(status().isNotFound());
    }

    long photo(StaffCase c, String kind, byte[] data, String user) throws Exception {
        String res = mvc.perform(MockMvcRequestBuilders.multipart("/api/v1/cases/" + c.id() + "/photos")
                        .file(new MockMultipartFile("photo", "a.png", "image/png", data))
                        .param("kind", kind)
                        .header("Authorization", Api.bearer(mvc, user)))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return ((Number) JsonPath.read(res, "$.id")).longValue();
    }

    @Test
    void the_updates_feed_filters_by_its_date_window() throws Exception {
        StaffCase c = hotlineCase();
        act("inspector1", c, "VERIFY", "");
        OffsetDateTime now = OffsetDateTime.now();
        mvc.perform(get("/open311/v2/servicerequestupdates.json")
                        .param("service_request_id", c.number())
                        .param("start_date", w3c(now.minusHours(1)))
                        .param("end_date", w3c(now.plusHours(1))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(1));
        mvc.perform(get("/open311/v2/servicerequestupdates.json")
                        .param("service_request_id", c.number())
                        .param("start_date", w3c(now.minusDays(3)))
                        .param("end_date", w3c(now.minusDays(2))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(0));
        mvc.perform(get("/open311/v2/servicerequestupdates.json")
                        .param("service_request_id", c.number())
                        .param("start_date", w3c(now.plusHours(1))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(0));
        // the default window is the last 90 days, newest steps included; at most page_size rows (≤ 500)
        mvc.perform(get("/open311/v2/servicerequestupdates.json").param("page_size", "1000"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(Matchers.lessThanOrEqualTo(500)))
                .andExpect(jsonPath("$[*].updated_datetime", Matchers.everyItem(Matchers.matchesPattern(W3C))));
        mvc.perform(get("/open311/v2/servicerequestupdates.xml")
                        .param("start_date", w3c(now.minusMinutes(30)))
                        .param("service_request_id", c.number()))
                .andExpect(status().isOk())
                .andExpect(xpath("count(/service_request_updates/request_update[" + "service_request_id='" + c.number()
                                + "'])")
                        .number(1.0));
    }

    @Test
    void bad_dates_in_the_updates_feed_are_a_400_error_array() throws Exception {
        OffsetDateTime now = OffsetDateTime.now();
        mvc.perform(get("/open311/v2/servicerequestupdates.json").param("start_date", "yesterday"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType("application/json;charset=utf-8"))
                .andExpect(jsonPath("$[0].code").value(400))
                .andExpect(jsonPath("$[0].description").value(Matchers.containsString("start_date")));
        mvc.perform(get("/open311/v2/servicerequestupdates.xml").param("end_date", "2026-13-01T00:00:00+08:00"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType("text/xml;charset=utf-8"))
                .andExpect(xpath("/errors/error/code").string("400"));
        mvc.perform(get("/open311/v2/servicerequestupdates.json")
                        .param("start_date", w3c(now))
                        .param("end_date", w3c(now.minusDays(1))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$[0].description").value(Matchers.containsString("before")));
        mvc.perform(get("/open311/v2/servicerequestupdates.json")
                        .param("start_date", w3c(now.minusDays(91)))
                        .param("end_date", w3c(now)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$[0].description").value(Matchers.containsString("90 days")));
        mvc.perform(get("/open311/v2/servicerequestupdates.json").param("page_size", "0"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$[0].code").value(400));
        mvc.perform(get("/open311/v2/servicerequestupdates.json")
                        .param("start_date", "")
                        .param("end_date", ""))
                .andExpect(status().isOk());
    }

    /** The id with every digit replaced by a letter (g–p), one to one, so it stays unique. */
    static String lettersOnly(UUID id) {
        StringBuilder b = new StringBuilder();
        for (char c : id.toString().toCharArray()) {
            b.append(Character.isDigit(c) ? (char) ('g' + (c - '0')) : c);
        }
        return b.toString();
    }
}
