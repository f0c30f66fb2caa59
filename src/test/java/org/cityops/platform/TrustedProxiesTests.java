package org.cityops.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.cityops.platform.web.TrustedProxies;
import org.junit.jupiter.api.Test;

/** The client address: the socket's, unless a trusted proxy names the client in X-Forwarded-For. */
class TrustedProxiesTests {

    static final TrustedProxies LB = TrustedProxies.of(List.of("10.0.0.5", "10.1.0.0/16", "fd00::/8"));

    @Test
    void withoutTrustedProxiesTheSocketAddressWinsWhateverTheHeaderSays() {
        assertThat(TrustedProxies.NONE.clientAddress("10.0.0.5", List.of("203.0.113.7")))
                .isEqualTo("10.0.0.5");
        assertThat(TrustedProxies.of(List.of("", " ")).clientAddress("127.0.0.1", List.of("203.0.113.7")))
                .isEqualTo("127.0.0.1");
    }

    @Test
    void aClientThatIsNotATrustedProxyCannotNameAnotherAddress() {
        assertThat(LB.clientAddress("198.51.100.9", List.of("203.0.113.7"))).isEqualTo("198.51.100.9");
        assertThat(LB.clientAddress("10.0.0.6", List.of("203.0.113.7"))).isEqualTo("10.0.0.6");
    }

    @Test
    void theTrustedProxysRightmostUntrustedHopIsTheClient() {
        assertThat(LB.clientAddress("10.0.0.5", List.of("203.0.113.7"))).isEqualTo("203.0.113.7");
        // a client that sends its own X-Forwarded-For cannot hide behind it: the proxy appended the real peer
        assertThat(LB.clientAddress("10.0.0.5", List.of("1.1.1.1, 203.0.113.7")))
                .isEqualTo("203.0.113.7");
        // two proxies in a row: both are skipped
        assertThat(LB.clientAddress("10.0.0.5", List.of("203.0.113.7, 10.1.2.3")))
                .isEqualTo("203.0.113.7");
        assertThat(LB.clientAddress("10.0.0.5", List.of("203.0.113.7", "10.1.2.3")))
                .isEqualTo("203.0.113.7");
        assertThat(LB.clientAddress("fd00::1", List.of("2001:db8::7"))).isEqualTo("2001:db8::7");
        assertThat(LB.clientAddress("10.0.0.5", List.of("203.0.113.7:51234"))).isEqualTo("203.0.113.7");
        assertThat(LB.clientAddress("10.0.0.5", List.of("[2001:db8::7]:443"))).isEqualTo("2001:db8::7");
    }

    @Test
    void aHopThatIsNotAnAddressStopsAtTheProxyBeforeIt() {
        assertThat(LB.clientAddress("10.0.0.5", List.of("evil.example, 10.1.0.9")))
                .isEqualTo("10.1.0.9");
        assertThat(LB.clientAddress("10.0.0.5", List.of("unknown"))).isEqualTo("10.0.0.5");
        assertThat(LB.clientAddress("10.0.0.5", List.of())).isEqualTo("10.0.0.5");
    }

    @Test
    void rangesMatchByPrefix() {
        assertThat(LB.trusts("10.1.255.255")).isTrue();
        assertThat(LB.trusts("10.2.0.0")).isFalse();
        assertThat(LB.trusts("fdff::1")).isTrue();
        assertThat(LB.trusts("fe00::1")).isFalse();
        assertThat(TrustedProxies.of(List.of("192.168.1.128/25")).trusts("192.168.1.200"))
                .isTrue();
        assertThat(TrustedProxies.of(List.of("192.168.1.128/25")).trusts("192.168.1.100"))
                .isFalse();
    }

    @Test
    void aMisspelledEntryIsRefusedByName() {
        assertThatThrownBy(() -> TrustedProxies.of(List.of("proxy.internal"))).hasMessageContaining("proxy.internal");
        assertThatThrownBy(() -> TrustedProxies.of(List.of("10.0.0.0/33"))).hasMessageContaining("10.0.0.0/33");
        assertThatThrownBy(() -> TrustedProxies.of(List.of("10.0.0.256"))).hasMessageContaining("10.0.0.256");
    }
}
