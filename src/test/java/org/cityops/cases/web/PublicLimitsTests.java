package org.cityops.cases.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PublicLimitsTests {

    @Test
    void anIpv4ClientCountsByItsAddressAndAnIpv6ClientByItsSlash64() {
        assertThat(PublicLimits.addressKey("203.0.113.9")).isEqualTo("203.0.113.9");
        assertThat(PublicLimits.addressKey("2001:db8:1:2:aaaa::1"))
                .isEqualTo(PublicLimits.addressKey("2001:db8:1:2:bbbb:cccc:dddd:eeee"))
                .isEqualTo("20010db800010002::/64");
        assertThat(PublicLimits.addressKey("2001:db8:1:3::1")).isNotEqualTo(PublicLimits.addressKey("2001:db8:1:2::1"));
        assertThat(PublicLimits.addressKey("[2001:db8:1:2::1]")).isEqualTo("20010db800010002::/64");
        assertThat(PublicLimits.addressKey("::ffff:203.0.113.9")).isEqualTo("203.0.113.9");
        assertThat(PublicLimits.addressKey(null)).isEqualTo("?");
    }
}
