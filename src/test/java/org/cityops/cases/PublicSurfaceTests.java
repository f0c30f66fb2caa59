package org.cityops.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import jakarta.servlet.http.Cookie;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.cityops.cases.internal.CaseFixtures;
import org.cityops.cases.internal.CaseService;
import org.cityops.cases.internal.NewCase;
import org.cityops.cases.internal.TransitionRequest;
import org.cityops.cases.support.Places;
import org.cityops.catalog.Catalog;
import org.cityops.geo.GridLocator;
import org.cityops.org.StaffMember;
import org.cityops.support.IntegrationTest;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Issue 11, points 5 and 6: what anonymous users see (public channels only, personal data masked, the same 404
 * for "not public" and "unknown") and the limits of the public lookup and report form.
 */
@IntegrationTest
class PublicSurfaceTests {

    /** Each test counts from its own client addresses, so the in-memory budgets of other tests do not matter. */
    private static final AtomicInteger ADDRESS = new AtomicInteger(1);

    private static final byte[] JPEG = {
        (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10, 'J', 'F', 'I', 'F', 0, 1
    };

    @Autowired
    MockMvc mvc;

    @Autowired
    CaseService cases;

    @Autowired
    GridLocator locator;

    @Autowired
    Catalog catalog;

    @Autowired
    JdbcClient jdbc;

    static String freshAddress() {
        int n = ADDRESS.getAndIncrement();
        return "198.51." + (n / 250) + "." + (n % 250 + 1);
    }

    static RequestPostProcessor from(String address) {
        return r -> {
            r.setRemoteAddr(address);
            return r;
        };
    }

    String category() {
        return catalog.activeCategories().get(0).qualifiedCode();
    }

    record Made(long id, String number) {}

    Made intake(CaseChannel channel, String description, StaffMember who, String sourceRef) {
        Places.Place p = Places.any(locator);
        CaseService.Intake in = cases.intake(
                new NewCase(channel, category(), description, p.lat(), p.lon(), "测试路9号", null, "王小明", "13912345678"),
                who,
                null,
                sourceRef == null ? null : "muck",
                sourceRef);
        return new Made(in.caseId(), in.caseNumber());
    }

    /** One case from each channel, the internal ones with a status change and a handling photo each. */
    List<Made> oneOfEach(String tag) {
        Made citizen = intake(CaseChannel.CITIZEN, "公众 " + tag, StaffMember.publicReporter("public"), null);
        Made open311 = intake(CaseChannel.OPEN311, "Open311 " + tag, StaffMember.publicReporter("open311:demo"), null);
        Made hotline = intake(CaseChannel.HOTLINE, "热线 " + tag, CaseFixtures.OPERATOR, null);
        Made inspector = intake(CaseChannel.INSPECTOR, "巡查 " + tag, CaseFixtures.INSPECTOR, null);
        Made leader = intake(CaseChannel.LEADER, "领导交办 " + tag, CaseFixtures.OPERATOR, null);
        Made media = intake(CaseChannel.MEDIA, "舆情 " + tag, CaseFixtures.OPERATOR, null);
        Made alert = intake(
                CaseChannel.ALERT,
                "【渣土车无核准运输】车辆 苏D·X" + tag.substring(0, 4) + "，监管员备注：司机电话13611112222\n证据 evidence: 3 个轨迹点",
                StaffMember.SYSTEM,
                "alarm-" + tag);
        for (Made internal : List.of(inspector, leader, media, alert)) {
            cases.addPhoto(internal.id(), "HANDLED", JPEG, StaffMember.SYSTEM);
        }
        cases.transition(
                inspector.id(),
                new TransitionRequest(CaseAction.FILE, null, null, null, null, null, null),
                CaseFixtures.SHIFT);
        return List.of(citizen, open311, hotline, inspector, leader, media, alert);
    }

    @Test
    void open311PublishesOnlyCasesFromPublicChannels() throws Exception {
        String tag = UUID.randomUUID().toString();
        List<Made> all = oneOfEach(tag);
        String ids = String.join(",", all.stream().map(Made::number).toList());
        String json = mvc.perform(get("/open311/v2/requests.json").param("service_request_id", ids))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat((List<String>) JsonPath.read(json, "$[*].service_request_id"))
                .containsExactlyInAnyOrder(
                        all.get(0).number(), all.get(1).number(), all.get(2).number());
        assertThat(json)
                .doesNotContain("苏D")
                .doesNotContain("evidence")
                .doesNotContain("巡查")
                .doesNotContain("舆情");
        // the unfiltered list (newest first) does not carry them either
        String list = mvc.perform(get("/open311/v2/requests.json").param("page_size", "500"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        List<String> listed = JsonPath.read(list, "$[*].service_request_id");
        for (Made internal : all.subList(3, 7)) {
            assertThat(listed).doesNotContain(internal.number());
        }
        assertThat(listed).contains(all.get(0).number());
    }

    @Test
    void anInternalCaseIsAnsweredExactlyLikeAnUnknownNumberEverywhere() throws Exception {
        List<Made> all = oneOfEach(UUID.randomUUID().toString());
        String unknown = "99999999999999";
        for (Made internal : all.subList(3, 7)) {
            String n = internal.number();
            assertThat(body(get("/open311/v2/requests/" + n + ".json"), 404))
                    .isEqualTo(body(get("/open311/v2/requests/" + unknown + ".json"), 404));
            assertThat(body(get("/open311/v2/tokens/" + n + ".json"), 404))
                    .isEqualTo(body(get("/open311/v2/tokens/" + unknown + ".json"), 404));
            assertThat(body(get("/open311/v2/servicerequestupdates.json").param("service_request_id", n), 404))
                    .isEqualTo(body(
                            get("/open311/v2/servicerequestupdates.json").param("service_request_id", unknown), 404));
            long photo = jdbc.sql("SELECT MAX(id) FROM case_photo WHERE case_id = :c")
                    .param("c", internal.id())
                    .query(Long.class)
                    .single();
            mvc.perform(get("/open311/v2/media/" + n + "/" + photo)).andExpect(status().isNotFound());
            String address = freshAddress();
            String page = body(get("/public/cases/" + n).with(from(address)), 404);
            assertThat(page).contains("data-testid=\"not-found\"").doesNotContain("public-case");
            assertThat(body(get("/public/cases/" + unknown).with(from(address)), 404))
                    .contains("data-testid=\"not-found\"")
                    .doesNotContain("public-case");
            assertThat(body(get("/api/v1/public/cases/" + n).with(from(address)), 404)
                            .replace(n, unknown))
                    .isEqualTo(body(get("/api/v1/public/cases/" + unknown).with(from(address)), 404));
        }
        // the inspector case was filed (a status change), but the updates feed does not show it
        String feed = mvc.perform(get("/open311/v2/servicerequestupdates.json").param("page_size", "500"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat((List<String>) JsonPath.read(feed, "$[*].service_request_id"))
                .doesNotContain(all.get(3).number());
        // a public case is there
        mvc.perform(get("/public/cases/" + all.get(0).number()).with(from(freshAddress())))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("public-case")));
    }

    @Test
    void phoneAndIdNumbersInAPublishedDescriptionAndAddressAreMasked() throws Exception {
        Places.Place p = Places.any(locator);
        String number = cases.intake(
                        new NewCase(
                                CaseChannel.CITIZEN,
                                category(),
                                "门口堆了建筑垃圾，联系我13912345678或0519-85681234，身份证320402198001011234 " + UUID.randomUUID(),
                                p.lat(),
                                p.lon(),
                                "幸福路1号（电话13800001111）",
                                null,
                                null,
                                null),
                        StaffMember.publicReporter("public"),
                        null,
                        null,
                        null)
                .caseNumber();
        String json = mvc.perform(get("/open311/v2/requests/" + number + ".json"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String description = JsonPath.read(json, "$[0].description");
        assertThat(description)
                .contains("139****5678")
                .contains("0519-****1234")
                .contains("320***********1234")
                .doesNotContain("13912345678")
                .doesNotContain("85681234")
                .doesNotContain("198001011234");
        assertThat((String) JsonPath.read(json, "$[0].address")).isEqualTo("幸福路1号（电话138****1111）");
        mvc.perform(get("/api/v1/public/cases/" + number).with(from(freshAddress())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.address").value("幸福路1号（电话138****1111）"));
    }

    @Test
    void thePublicLookupIsLimitedPerAddressWithAChineseMessage() throws Exception {
        String address = freshAddress();
        for (int i = 0; i < 60; i++) {
            mvc.perform(get("/public/cases/" + (20260000000000L + i)).with(from(address)))
                    .andExpect(status().isNotFound());
        }
        MvcResult refused = mvc.perform(
                        get("/public/cases/20260000000099").with(from(address)).locale(Locale.CHINA))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().exists("Retry-After"))
                .andExpect(content().string(Matchers.containsString("查询过于频繁")))
                .andReturn();
        assertThat(Long.parseLong(refused.getResponse().getHeader("Retry-After")))
                .isPositive();
        mvc.perform(get("/api/v1/public/cases/20260000000099").with(from(address)))
                .andExpect(status().isTooManyRequests())
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("查询过于频繁")));
        // another address is not affected
        mvc.perform(get("/public/cases/20260000000099").with(from(freshAddress())))
                .andExpect(status().isNotFound());
    }

    MockMultipartHttpServletRequestBuilder report(String description) {
        Places.Place p = Places.any(locator);
        MockMultipartHttpServletRequestBuilder b = multipart("/public/report");
        b.param("categoryCode", category())
                .param("description", description)
                .param("lat", String.valueOf(p.lat()))
                .param("lon", String.valueOf(p.lon()));
        return b;
    }

    long casesWith(String description) {
        return jdbc.sql("SELECT COUNT(*) FROM city_case WHERE description = :d")
                .param("d", description)
                .query(Long.class)
                .single();
    }

    @Test
    void theReportFormIsLimitedPerDeviceCookie() throws Exception {
        MvcResult form = mvc.perform(get("/public/report").with(from(freshAddress())))
                .andExpect(status().isOk())
                .andReturn();
        Cookie device = form.getResponse().getCookie("cityops-device");
        assertThat(device).isNotNull();
        assertThat(device.isHttpOnly()).isTrue();
        for (int i = 0; i < 5; i++) {
            String d = "设备限额 " + UUID.randomUUID();
            mvc.perform(report(d).with(csrf()).with(from(freshAddress())).cookie(device))
                    .andExpect(status().is3xxRedirection());
            assertThat(casesWith(d)).isEqualTo(1);
        }
        String refused = "第六次 " + UUID.randomUUID();
        mvc.perform(report(refused)
                        .file(new MockMultipartFile("photo", "p.jpg", "image/jpeg", JPEG))
                        .with(csrf())
                        .with(from(freshAddress()))
                        .cookie(device)
                        .locale(Locale.CHINA))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().exists("Retry-After"))
                .andExpect(content().string(Matchers.containsString("提交过于频繁")))
                .andExpect(content().string(Matchers.containsString("form-error")));
        assertThat(casesWith(refused)).isZero();
        // the same browser without its cookie is a new device (the address limit still holds)
        String fresh = "新设备 " + UUID.randomUUID();
        mvc.perform(report(fresh).with(csrf()).with(from(freshAddress()))).andExpect(status().is3xxRedirection());
        assertThat(casesWith(fresh)).isEqualTo(1);
    }

    @Test
    void theReportFormIsLimitedPerAddressAndEveryAttemptCounts() throws Exception {
        String address = freshAddress();
        for (int i = 0; i < 20; i++) {
            // refused submissions (no location) count too: the budget protects the upload path
            mvc.perform(multipart("/public/report")
                            .param("categoryCode", category())
                            .param("description", "缺位置")
                            .with(csrf())
                            .with(from(address)))
                    .andExpect(status().isBadRequest());
        }
        String refused = "地址限额 " + UUID.randomUUID();
        mvc.perform(report(refused).with(csrf()).with(from(address)).locale(Locale.CHINA))
                .andExpect(status().isTooManyRequests())
                .andExpect(content().string(Matchers.containsString("提交过于频繁")));
        assertThat(casesWith(refused)).isZero();
        mvc.perform(report(refused).with(csrf()).with(from(freshAddress()))).andExpect(status().is3xxRedirection());
        assertThat(casesWith(refused)).isEqualTo(1);
    }

    @Test
    void aLargeOrDisguisedPhotoIsRefusedBeforeAnythingIsStored() throws Exception {
        byte[] big = new byte[5 * 1024 * 1024 + 1];
        System.arraycopy(JPEG, 0, big, 0, JPEG.length);
        String d1 = "大照片 " + UUID.randomUUID();
        mvc.perform(report(d1)
                        .file(new MockMultipartFile("photo", "p.jpg", "image/jpeg", big))
                        .with(csrf())
                        .with(from(freshAddress())))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("照片过大")));
        assertThat(casesWith(d1)).isZero();
        String d2 = "伪装照片 " + UUID.randomUUID();
        mvc.perform(report(d2)
                        .file(new MockMultipartFile(
                                "photo", "p.jpg", "image/jpeg", "<html><script>alert(1)</script></html>".getBytes()))
                        .with(csrf())
                        .with(from(freshAddress())))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("只接受JPEG/PNG/GIF/WebP图片")));
        assertThat(casesWith(d2)).isZero();
        String d3 = "真照片 " + UUID.randomUUID();
        mvc.perform(report(d3)
                        .file(new MockMultipartFile("photo", "p.bin", "application/octet-stream", JPEG))
                        .with(csrf())
                        .with(from(freshAddress())))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("SELECT ph.content_type FROM case_photo ph JOIN city_case c ON c.id = ph.case_id"
                                + " WHERE c.description = :d")
                        .param("d", d3)
                        .query(String.class)
                        .single())
                .isEqualTo("image/jpeg");
    }

    private String body(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request, int status)
            throws Exception {
        return mvc.perform(request)
                .andExpect(status().is(status))
                .andReturn()
                .getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    }
}
