package org.cityops.muck;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.cityops.platform.CityClock;
import org.cityops.support.Api;
import org.cityops.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/** The registry page's 即将到期 card and the driver's licence expiry on the form and in the list. */
@IntegrationTest
class ExpiringPageTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Clock clock;

    MockHttpSession login(String user) throws Exception {
        return (MockHttpSession) mvc.perform(formLogin("/login").user(user).password(Api.DEMO_PASSWORD))
                .andReturn()
                .getRequest()
                .getSession();
    }

    long driver(String name, LocalDate until) throws Exception {
        String body = mvc.perform(post("/api/v1/muck/drivers")
                        .header("Authorization", Api.bearer(mvc, "muck1"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                        {"name": "%s", "licenseNo": "%s", "licenseUntil": "%s"}""".formatted(name, "PG-" + Long.toString(System.nanoTime(), 36), until)))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return ((Number) JsonPath.read(body, "$.id")).longValue();
    }

    @Test
    void theRegistryPageShowsWhatIsAboutToLapseWithItsDaysLeftAndALinkToFixIt() throws Exception {
        LocalDate today = LocalDate.now(clock.withZone(CityClock.ZONE));
        String soon = "页面将到期师傅" + Long.toString(System.nanoTime(), 36);
        String lapsed = "页面已过期师傅" + Long.toString(System.nanoTime(), 36);
        String later = "页面远期师傅" + Long.toString(System.nanoTime(), 36);
        long soonId = driver(soon, today.plusDays(3));
        driver(lapsed, today.minusDays(2));
        driver(later, today.plusDays(45));
        MockHttpSession session = login("muck1");
        mvc.perform(get("/muck/registry").session(session))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-testid=\"expiring-card\"")))
                .andExpect(content().string(containsString("data-testid=\"expiring-table\"")))
                .andExpect(content().string(containsString("即将到期")))
                .andExpect(content().string(containsString("已过期")))
                .andExpect(content().string(containsString(soon)))
                .andExpect(content().string(containsString(lapsed)))
                .andExpect(content().string(containsString("data-kind=\"DRIVER_LICENSE\" data-id=\"" + soonId + "\"")))
                .andExpect(content().string(containsString("href=\"/muck/registry/drivers/edit?id=" + soonId + "\"")))
                .andExpect(content().string(containsString("驾驶证有效期至")))
                .andExpect(content().string(containsString(today.plusDays(45).toString())))
                .andExpect(content().string(not(containsString("??"))));
        // the later one is only in the wider window's card (its date is in the driver list either way)
        mvc.perform(get("/muck/registry?days=60").session(session))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("value=\"60\"")))
                .andExpect(content().string(containsString(later)));
        for (String bad : List.of("0", "366", "abc")) {
            mvc.perform(get("/muck/registry?days=" + bad).session(session))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("天数应为 1-365")))
                    .andExpect(content().string(containsString("value=\"30\"")));
        }
        mvc.perform(get("/muck/registry?lang=en").session(session))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Expiring soon")))
                .andExpect(content().string(containsString("Driving licence")))
                .andExpect(content().string(not(containsString("??"))));
    }

    @Test
    void theDriverFormHasTheLicenceExpiryDateField() throws Exception {
        MockHttpSession session = login("muck1");
        for (String page : List.of("/muck/registry/drivers/edit", "/muck/registry/drivers/edit?lang=en")) {
            mvc.perform(get(page).session(session))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("data-field=\"licenseUntil\"")))
                    .andExpect(content().string(containsString("data-error-for=\"licenseUntil\"")))
                    .andExpect(content().string(containsString("type=\"date\"")))
                    .andExpect(content().string(not(containsString("??"))));
        }
    }

    @Test
    void otherRolesDoNotSeeTheExpiringCard() throws Exception {
        mvc.perform(get("/muck/registry").session(login("inspector1"))).andExpect(status().isForbidden());
    }
}
