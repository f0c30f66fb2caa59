package org.cityops.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.cityops.platform.NavItem;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

class LayoutModelInterceptorTests {

    final NavMenu menu = new NavMenu(List.of(
            new NavItem("nav.cases.queue", "/cases/queue", Set.of("OPERATOR"), 100, "cases"),
            new NavItem("nav.cases.list", "/cases", Set.of("OPERATOR"), 110, "cases"),
            new NavItem("nav.catalog.categories", "/admin/catalog", Set.of("ADMIN"), 740, "basedata"),
            new NavItem("nav.geo.map", "/geo/map", Set.of("OPERATOR"), 720, "basedata"),
            new NavItem("nav.muck.map", "/muck/map", Set.of("ADMIN"), 600),
            new NavItem("nav.assessment.public", "/public/assessment", Set.of(), 600),
            new NavItem("nav.me", "/me", Set.of(), 990)));
    final LayoutModelInterceptor interceptor = new LayoutModelInterceptor(menu);

    @Test
    void a_rendered_page_gets_the_navigation_and_the_current_path() {
        ModelAndView page = new ModelAndView("home");
        interceptor.postHandle(new MockHttpServletRequest("GET", "/"), new MockHttpServletResponse(), this, page);
        assertThat(page.getModel())
                .containsKeys("navItems", "navGroups", "currentUsername")
                .containsEntry("currentPath", "/");
    }

    @Test
    void json_answers_and_redirects_get_no_page_model() {
        interceptor.postHandle(new MockHttpServletRequest(), new MockHttpServletResponse(), this, null);
        ModelAndView redirect = new ModelAndView("redirect:/cases");
        interceptor.postHandle(new MockHttpServletRequest(), new MockHttpServletResponse(), this, redirect);
        assertThat(redirect.getModel()).doesNotContainKeys("navItems", "navGroups", "currentUsername");
        ModelAndView redirectView = new ModelAndView(new RedirectView("/cases"));
        interceptor.postHandle(new MockHttpServletRequest(), new MockHttpServletResponse(), this, redirectView);
        assertThat(redirectView.getModel()).as("would become query parameters").doesNotContainKey("navItems");
    }

    @Test
    void nobody_signed_in_sees_no_navigation() {
        assertThat(menu.visibleTo(Set.of())).isEmpty();
    }

    @Test
    void entries_are_grouped_by_section_in_the_order_of_their_lowest_entry() {
        List<NavGroup> groups = menu.groups(menu.visibleTo(Set.of("OPERATOR")));
        assertThat(groups).extracting(NavGroup::section).containsExactly("cases", "assessment", "basedata", "");
        assertThat(groups.get(0).items()).extracting(NavItem::path).containsExactly("/cases/queue", "/cases");
        assertThat(groups.get(0).single()).isFalse();
        assertThat(groups.get(2).single())
                .as("a section with one visible entry is a plain link")
                .isTrue();
    }

    @Test
    void sections_with_equal_orders_are_ordered_by_name_and_an_entry_takes_its_module_as_section() {
        List<NavGroup> groups = menu.groups(menu.visibleTo(Set.of("ADMIN")));
        assertThat(groups).extracting(NavGroup::section).containsExactly("assessment", "muck", "basedata", "");
        assertThat(new NavItem("nav.me", "/me", Set.of(), 990).section()).isEmpty();
    }

    @Test
    void the_section_containing_the_current_page_is_marked() {
        NavGroup cases = menu.groups(menu.visibleTo(Set.of("OPERATOR"))).get(0);
        assertThat(cases.contains("/cases/queue")).isTrue();
        assertThat(cases.contains("/geo/map")).isFalse();
    }
}
