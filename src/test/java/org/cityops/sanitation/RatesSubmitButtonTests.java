package org.cityops.sanitation;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.cityops.support.IntegrationTest;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/** The rates page offers the monthly hand-over to the assessment to those who may make it, with a confirmation. */
@IntegrationTest
class RatesSubmitButtonTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService users;

    @Test
    void aSanitationSupervisorSeesTheSubmitFormWithItsConfirmationText() throws Exception {
        mvc.perform(get("/sanitation/rates").with(user(users.loadUserByUsername("sanitation1"))))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("data-testid=\"rates-submit\"")))
                .andExpect(content().string(Matchers.containsString("每月只能报送一次")))
                .andExpect(content().string(Matchers.containsString("/js/sanitation-rates.js")));
    }

    @Test
    void aLeaderReadsTheRatesButHasNoSubmitForm() throws Exception {
        mvc.perform(get("/sanitation/rates").with(user(users.loadUserByUsername("leader1"))))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.not(Matchers.containsString("data-testid=\"rates-submit\""))));
    }
}
