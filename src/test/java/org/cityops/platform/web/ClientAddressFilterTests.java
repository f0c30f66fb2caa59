package org.cityops.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.FilterChain;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** What the rest of the application sees as {@code getRemoteAddr()} behind the filter. */
class ClientAddressFilterTests {

    String seenBehind(ClientAddressFilter filter, String socket, String... forwardedFor) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/login");
        request.setRemoteAddr(socket);
        for (String f : forwardedFor) {
            request.addHeader("X-Forwarded-For", f);
        }
        AtomicReference<String> seen = new AtomicReference<>();
        FilterChain chain = (req, res) -> seen.set(req.getRemoteAddr());
        filter.doFilter(request, new MockHttpServletResponse(), chain);
        return seen.get();
    }

    @Test
    void byDefaultTheForwardedHeaderIsIgnored() throws Exception {
        assertThat(seenBehind(new ClientAddressFilter(List.of()), "127.0.0.1", "203.0.113.7"))
                .isEqualTo("127.0.0.1");
    }

    @Test
    void behindATrustedProxyTheForwardedClientIsTheAddress() throws Exception {
        ClientAddressFilter filter = new ClientAddressFilter(List.of("10.0.0.5"));
        assertThat(seenBehind(filter, "10.0.0.5", "198.51.100.1, 203.0.113.7")).isEqualTo("203.0.113.7");
        assertThat(seenBehind(filter, "10.0.0.9", "203.0.113.7")).isEqualTo("10.0.0.9");
    }
}
