package org.cityops.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.cityops.audit.AuditLog;
import org.cityops.cases.support.Places;
import org.cityops.catalog.internal.picker.CategoryPicker;
import org.cityops.geo.GridLocator;
import org.cityops.support.Api;
import org.cityops.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The category picker's search endpoints, most used first, the code-set setting and the fallback select. */
@IntegrationTest
class CategoryPickerApiTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    CategoryPicker picker;

    @Autowired
    GridLocator locator;

    @Autowired
    CategoryUsage usage;

    @Autowired
    Catalog catalog;

    @Autowired
    AuditLog auditLog;

    MockHttpServletRequestBuilder as(String user, MockHttpServletRequestBuilder request) {
        return request.header(HttpHeaders.AUTHORIZATION, Api.bearer(mvc, user)).contentType(MediaType.APPLICATION_JSON);
    }

    String search(String user, String q) throws Exception {
        return mvc.perform(as(user, get("/api/v1/catalog/picker").param("q", q)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    static List<String> codes(String json) {
        return JsonPath.read(json, "$.groups[*].items[*].code");
    }

    @Test
    void typingPinyinInitialsFindsTheCategory() throws Exception {
        String json = search("operator1", "bllj");
        assertThat(codes(json)).containsExactly("E06010");
        assertThat(JsonPath.<String>read(json, "$.groups[0].items[0].name")).isEqualTo("暴露垃圾");
        assertThat(JsonPath.<String>read(json, "$.groups[0].items[0].initials")).isEqualTo("bllj");
        assertThat(codes(search("inspector1", "06014"))).containsExactly("E06014");
        assertThat(codes(search("inspector1", "占道"))).contains("E09006");
    }

    @Test
    void citizensSearchWithoutSigningInAndStaffSearchNeedsIt() throws Exception {
        String json = mvc.perform(get("/api/v1/public/catalog/picker").param("q", "bllj"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(codes(json)).containsExactly("E06010");
        mvc.perform(get("/api/v1/catalog/picker").param("q", "bllj")).andExpect(status().isUnauthorized());
    }

    @Test
    void browsingShowsEveryCategoryOfTheCitysCodeSetsGroupedByMajor() throws Exception {
        String json = search("admin", "");
        List<String> codes = codes(json);
        long expected = catalog.activeCategories().stream()
                .filter(c -> picker.codeSets().contains(c.standard()))
                .count();
        assertThat(codes).hasSize((int) expected).doesNotHaveDuplicates();
        assertThat(codes).noneMatch(c -> c.startsWith("30428:"));
        List<String> labels = JsonPath.read(json, "$.groups[*].label");
        assertThat(labels).anyMatch(l -> l.contains("06 市容环境"));
    }

    @Test
    void theCallersMostUsedCategoriesComeFirst() throws Exception {
        long before = usesOf("leader1", "E07001");
        Places.Place p = Places.any(locator);
        for (int i = 0; i < 3; i++) {
            mvc.perform(as("leader1", post("/api/v1/cases"))
                            .content("""
                    {"channel":"LEADER","categoryCode":"E07001","description":"选择器常用测试 %s","lat":%s,"lon":%s}""".formatted(UUID.randomUUID(), p.lat(), p.lon())))
                    .andExpect(status().isCreated());
        }
        assertThat(usesOf("leader1", "E07001")).isEqualTo(before + 3);
        picker.forgetUsage();
        String json = search("leader1", "");
        assertThat(JsonPath.<Boolean>read(json, "$.groups[0].frequent")).isTrue();
        assertThat(JsonPath.<String>read(json, "$.groups[0].label")).isEqualTo("常用");
        List<String> frequent = JsonPath.read(json, "$.groups[0].items[*].code");
        assertThat(frequent).contains("E07001");
        // a search keeps them first too: xgg (小广告) finds E07001 in the most-used group
        String found = search("leader1", "xgg");
        assertThat(JsonPath.<Boolean>read(found, "$.groups[0].frequent")).isTrue();
        assertThat(codes(found)).first().isEqualTo("E07001");
        // someone who never took a case in has no most-used group
        assertThat(JsonPath.<Boolean>read(search("admin", ""), "$.groups[0].frequent"))
                .isFalse();
    }

    long usesOf(String user, String code) {
        long id = catalog.resolve(code).orElseThrow().id();
        Map<Long, Long> uses = usage.mostUsed(user, 1000);
        return uses.getOrDefault(id, 0L);
    }

    @Test
    void aCityChoosesTheCodeSetItsUsersSeeAndTheChangeIsAudited() throws Exception {
        String original = mvc.perform(as("dispatcher1", get("/api/v1/catalog/settings/picker")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        List<String> sets = JsonPath.read(original, "$.codeSets");
        try {
            mvc.perform(as("dispatcher1", put("/api/v1/catalog/settings/picker"))
                            .content("""
                    {"codeSets":["GB/T 30428.2"]}"""))
                    .andExpect(status().isForbidden());
            mvc.perform(as("admin", put("/api/v1/catalog/settings/picker")).content("""
                    {"codeSets":["30428"]}"""))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.codeSets[0]").value("GB/T 30428.2"));
            assertThat(codes(search("operator1", "暴露垃圾"))).containsExactly("30428:E:0102");
            assertThat(codes(search("operator1", "")).stream().allMatch(c -> c.startsWith("30428:")))
                    .isTrue();
            mvc.perform(as("admin", put("/api/v1/catalog/settings/picker")).content("""
                    {"codeSets":[]}"""))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.field").value("codeSets"));
            mvc.perform(as("admin", put("/api/v1/catalog/settings/picker")).content("""
                    {"codeSets":["GB 9999"]}"""))
                    .andExpect(status().isBadRequest());
            assertThat(auditLog.find("CATALOG_SETTING", "picker.code-sets", "admin", 10, 0))
                    .isNotEmpty();
        } finally {
            mvc.perform(as("admin", put("/api/v1/catalog/settings/picker"))
                            .content("{\"codeSets\":[\"" + String.join("\",\"", sets) + "\"]}"))
                    .andExpect(status().isOk());
        }
        assertThat(codes(search("operator1", "暴露垃圾"))).containsExactly("E06010");
    }

    @Test
    void anAdministratorChoosesTheCodeSetsOnTheCataloguePage() throws Exception {
        List<String> sets = picker.codeSets();
        MockHttpSession admin =
                (MockHttpSession) mvc.perform(formLogin("/login").user("admin").password(Api.DEMO_PASSWORD))
                        .andReturn()
                        .getRequest()
                        .getSession();
        assertThat(mvc.perform(get("/admin/catalog").session(admin))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .contains("data-testid=\"picker-code-sets\"")
                .contains("本地扩展分类");
        try {
            mvc.perform(post("/admin/catalog/picker")
                            .session(admin)
                            .with(csrf())
                            .param("codeSets", "GB/T 30428.2")
                            .param("codeSets", "LOCAL"))
                    .andExpect(status().is3xxRedirection());
            assertThat(picker.codeSets()).containsExactly("GB/T 30428.2", "LOCAL");
            mvc.perform(post("/admin/catalog/picker").session(admin).with(csrf()))
                    .andExpect(status().is3xxRedirection())
                    .andExpect(flash().attribute("error", org.hamcrest.Matchers.startsWith("至少选择一个代码集")));
            assertThat(picker.codeSets()).containsExactly("GB/T 30428.2", "LOCAL");
        } finally {
            mvc.perform(as("admin", put("/api/v1/catalog/settings/picker"))
                            .content("{\"codeSets\":[\"" + String.join("\",\"", sets) + "\"]}"))
                    .andExpect(status().isOk());
        }
    }

    @Test
    void theIntakeFormsRenderTheGroupedSelectWhichWorksWithoutJavaScript() throws Exception {
        MockHttpSession operator = (MockHttpSession)
                mvc.perform(formLogin("/login").user("operator1").password(Api.DEMO_PASSWORD))
                        .andReturn()
                        .getRequest()
                        .getSession();
        String page = mvc.perform(get("/cases/new").session(operator))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page)
                .contains("data-testid=\"category-picker\"")
                .contains("data-url=\"/api/v1/catalog/picker\"")
                .contains("<optgroup label=\"事件 · 06 市容环境")
                .contains("<option value=\"E06010\">暴露垃圾</option>")
                .doesNotContain("value=\"30428:E:0102\"");
        assertThat(page.split("/js/catalog-picker.js", -1)).hasSize(2);
        String publicPage = mvc.perform(get("/public/report"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(publicPage)
                .contains("data-url=\"/api/v1/public/catalog/picker\"")
                .contains("<option value=\"E06010\">暴露垃圾</option>");
    }
}
