package org.cityops.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.cityops.platform.NavItem;
import org.cityops.support.Api;
import org.cityops.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

@IntegrationTest
class NavigationPageTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    List<NavItem> items;

    MockHttpSession login(String user) throws Exception {
        return (MockHttpSession) mvc.perform(formLogin("/login").user(user).password(Api.DEMO_PASSWORD))
                .andReturn()
                .getRequest()
                .getSession();
    }

    @Test
    void the_admin_sees_every_entry_as_a_link_inside_section_menus() throws Exception {
        MvcResult page = mvc.perform(get("/admin/catalog").session(login("admin")))
                .andExpect(status().isOk())
                .andExpect(model().attributeExists("navItems", "navGroups"))
                .andExpect(content().string(containsString("data-section=\"basedata\"")))
                .andExpect(content().string(containsString("data-nav=\"/admin/catalog\"")))
                .andExpect(content().string(containsString("基础数据")))
                .andReturn();
        @SuppressWarnings("unchecked")
        List<NavGroup> groups =
                (List<NavGroup>) page.getModelAndView().getModel().get("navGroups");
        assertThat(groups)
                .extracting(NavGroup::section)
                .containsExactly(
                        "stats",
                        "cases",
                        "opinion",
                        "rectification",
                        "assessment",
                        "muck",
                        "sanitation",
                        "enforcement",
                        "streetfront",
                        "basedata",
                        "system",
                        "");
        assertThat(groups.stream().filter(g -> g.contains("/admin/catalog")))
                .extracting(NavGroup::section)
                .containsExactly("basedata");
    }

    @Test
    void a_section_with_one_entry_for_the_user_is_a_plain_link() throws Exception {
        mvc.perform(get("/").session(login("muck1")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-section=\"muck\"")))
                .andExpect(content().string(containsString("data-nav=\"/geo/map\"")))
                .andExpect(content().string(not(containsString("data-section=\"basedata\""))));
    }

    @Test
    void entries_of_one_section_have_distinct_orders_and_every_path_appears_once() {
        Map<String, List<Integer>> orders = items.stream()
                .collect(Collectors.groupingBy(
                        NavItem::section, Collectors.mapping(NavItem::order, Collectors.toList())));
        orders.forEach((section, list) -> assertThat(list).as(section).doesNotHaveDuplicates());
        assertThat(items).extracting(NavItem::path).doesNotHaveDuplicates();
    }
}
