package org.cityops.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import org.cityops.platform.web.ResourceUrlEncodingOff.WebJarsUrlEncodingFilter;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class WebJarsUrlEncodingFilterTests {

    final List<String> asked = new ArrayList<>();

    String encodeInsideThePage(String link) throws Exception {
        WebJarsUrlEncodingFilter filter = new WebJarsUrlEncodingFilter((request, url) -> {
            asked.add(url);
            return url.replace("/webjars/leaflet/", "/webjars/leaflet/1.9.4/");
        });
        String[] encoded = new String[1];
        filter.doFilter(
                new MockHttpServletRequest("GET", "/cases"),
                new MockHttpServletResponse(),
                (req, res) -> encoded[0] = ((HttpServletResponse) res).encodeURL(link));
        return encoded[0];
    }

    @Test
    void a_webjars_link_gets_its_version() throws Exception {
        assertThat(encodeInsideThePage("/webjars/leaflet/dist/leaflet.js"))
                .isEqualTo("/webjars/leaflet/1.9.4/dist/leaflet.js");
    }

    @Test
    void a_page_link_is_left_alone_without_asking_the_resource_resolvers() throws Exception {
        assertThat(encodeInsideThePage("/cases/123?tab=steps")).isEqualTo("/cases/123?tab=steps");
        assertThat(encodeInsideThePage("/css/cityops.css")).isEqualTo("/css/cityops.css");
        assertThat(asked).isEmpty();
    }
}
