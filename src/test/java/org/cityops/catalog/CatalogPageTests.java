package org.cityops.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.cityops.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

@IntegrationTest
class CatalogPageTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Catalog catalog;

    MockHttpSession login(String user) throws Exception {
        return (MockHttpSession) mvc.perform(formLogin("/login").user(user).password("cityops-demo"))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getRequest()
                .getSession();
    }

    @Test
    void anAdministratorSearchesTheCatalogueAndSeesTheUnverifiedNotice() throws Exception {
        MockHttpSession admin = login("admin");
        mvc.perform(get("/admin/catalog").param("q", "暴露垃圾").session(admin))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("E06010")))
                .andExpect(content().string(containsString("unverified transcription")))
                .andExpect(content().string(containsString("data-testid=\"category-create\"")));
        mvc.perform(get("/admin/catalog")
                        .param("kind", "COMPONENT")
                        .param("major", "04")
                        .param("lang", "en")
                        .session(admin))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("C04001")))
                .andExpect(content().string(not(containsString("E06010"))));
    }

    @Test
    void anAdministratorEditsConditionsAndLimitsOnTheDetailPage() throws Exception {
        MockHttpSession admin = login("admin");
        CategoryView c = catalog.resolve("E07002").orElseThrow();
        mvc.perform(get("/admin/catalog/" + c.id()).session(admin))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("hours_HANDLE_NORMAL")))
                .andExpect(content().string(containsString("QCGJ-320402")));
        mvc.perform(post("/admin/catalog/" + c.id() + "/limits")
                        .session(admin)
                        .with(csrf())
                        .param("hours_HANDLE_URGENT", "3")
                        .param("basis_HANDLE_URGENT", "NATURAL"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/admin/catalog/" + c.id()));
        assertThat(catalog.limit(c.id(), ProcessStage.HANDLE, Urgency.URGENT))
                .isEqualTo(new TimeLimit(java.time.Duration.ofHours(3), TimeBasis.NATURAL));
        mvc.perform(post("/admin/catalog/" + c.id() + "/limits")
                        .session(admin)
                        .with(csrf())
                        .param("hours_HANDLE_URGENT", "lots"))
                .andExpect(status().is3xxRedirection())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
                        .attributeExists("error"));
        mvc.perform(post("/admin/catalog/" + c.id() + "/limits").session(admin).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(catalog.limit(c.id(), ProcessStage.HANDLE, Urgency.URGENT).basis())
                .isEqualTo(TimeBasis.WORKING);
    }

    @Test
    void aDispatcherReadsButCannotEdit() throws Exception {
        MockHttpSession dispatcher = login("dispatcher1");
        mvc.perform(get("/admin/catalog").session(dispatcher))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("data-testid=\"category-create\""))));
        mvc.perform(get("/admin/catalog/routing").session(dispatcher))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("QCGJ-320402")));
        mvc.perform(post("/admin/catalog/routing")
                        .session(dispatcher)
                        .with(csrf())
                        .param("selector", "*")
                        .param("areaPrefix", "320402")
                        .param("departmentCode", "CGJ"))
                .andExpect(status().isForbidden());
    }

    @Test
    void aFieldInspectorHasNoCatalogueAdminPages() throws Exception {
        MockHttpSession inspector = login("inspector1");
        mvc.perform(get("/admin/catalog").session(inspector)).andExpect(status().isForbidden());
        mvc.perform(get("/admin/calendar").session(inspector)).andExpect(status().isForbidden());
    }

    @Test
    void theRoutingTesterAnswersWithTheDepartment() throws Exception {
        MockHttpSession admin = login("admin");
        mvc.perform(get("/admin/catalog/routing/test")
                        .param("category", "E06010")
                        .param("area", "320411001")
                        .session(admin)
                        .header("HX-Request", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("市环卫处")));
    }

    @Test
    void aRejectedImportOnThePageListsTheBadRows() throws Exception {
        MockHttpSession admin = login("admin");
        byte[] xlsx = CatalogExcelTests.routingWorkbook(
                java.util.List.<String[]>of(new String[] {"E06010", "320402", null, "NOPE", null, null}));
        var flash = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart(
                                "/admin/catalog/routing/import")
                        .file(new org.springframework.mock.web.MockMultipartFile("file", "r.xlsx", null, xlsx))
                        .session(admin)
                        .with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getFlashMap();
        var report = (org.cityops.catalog.internal.CatalogImporter.ImportReport) flash.get("report");
        assertThat(report.applied()).isFalse();
        assertThat(report.errors())
                .singleElement()
                .satisfies(e -> assertThat(e.row()).isEqualTo(2));
    }

    @Test
    void theCalendarPageShowsTheYearWithHolidaysAndMakeUpDays() throws Exception {
        MockHttpSession admin = login("admin");
        mvc.perform(get("/admin/calendar").param("year", "2026").session(admin))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("class=\"day holiday\" data-date=\"2026-10-01\"")))
                .andExpect(content().string(containsString("class=\"day makeup\" data-date=\"2026-10-10\"")))
                .andExpect(content().string(containsString("/js/catalog-calendar.js")));
        mvc.perform(get("/admin/calendar").param("year", "1900").session(admin)).andExpect(status().isBadRequest());
    }
}
