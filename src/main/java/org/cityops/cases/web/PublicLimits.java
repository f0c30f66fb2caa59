package org.cityops.cases.web;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;
import org.cityops.platform.ClusterStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;

/**
 * Request limits of the anonymous surface. The public lookup ({@code /public/cases/{number}} and its JSON twin) is
 * limited per client address, so sequential case numbers cannot be walked quickly; the report form
 * ({@code /public/report}) per client address and per device cookie ({@value #DEVICE_COOKIE}: a random id the
 * form hands out, one year). Every submission counts, accepted or not, and the check runs before the photo is
 * read. An IPv6 client counts by its /64 (one household or phone gets a whole /64). The client address is the
 * servlet's remote address, so behind a reverse proxy the trusted-proxy setting must be on, or every citizen
 * shares the proxy's budget.
 */
@Component
class PublicLimits {

    static final String DEVICE_COOKIE = "cityops-device";
    private static final Pattern DEVICE_ID = Pattern.compile("[0-9a-f]{32}");

    private final Budget lookups;
    private final Budget reportsByAddress;
    private final Budget reportsByDevice;

    /** One budget: {@link Duration#ZERO} when the key may go ahead, else how long to wait. */
    @FunctionalInterface
    interface Budget {
        Duration take(String key);
    }

    private final SecureRandom random = new SecureRandom();

    PublicLimits(
            Clock clock,
            @Value("${cityops.cases.public.lookup.per-address:60}") int lookupsPerAddress,
            @Value("${cityops.cases.public.lookup.period:PT10M}") Duration lookupPeriod,
            @Value("${cityops.cases.public.report.per-address:20}") int reportsPerAddress,
            @Value("${cityops.cases.public.report.per-device:5}") int reportsPerDevice,
            @Value("${cityops.cases.public.report.period:PT1H}") Duration reportPeriod,
            @Value("${cityops.cases.public.max-tracked:100000}") int maxTracked,
            ObjectProvider<ClusterStore> clusterStore) {
        ClusterStore shared = clusterStore.getIfAvailable();
        this.lookups = budget(shared, "public-lookup", lookupsPerAddress, lookupPeriod, clock, maxTracked);
        this.reportsByAddress =
                budget(shared, "public-report-addr", reportsPerAddress, reportPeriod, clock, maxTracked);
        this.reportsByDevice = budget(shared, "public-report-dev", reportsPerDevice, reportPeriod, clock, maxTracked);
    }

    /**
     * In this JVM ({@link RequestBudget}), or with {@code cityops.cluster.store=jdbc} in the database, so a client
     * spreading its requests over the nodes of a cluster has one budget.
     */
    private static Budget budget(
            ClusterStore shared, String name, int capacity, Duration period, Clock clock, int maxTracked) {
        if (shared == null) {
            return new RequestBudget(capacity, period, clock, maxTracked)::take;
        }
        return key -> shared.take(name, key, capacity, period, clock.instant());
    }

    /** A public lookup: empty when it may go ahead, else how long to wait. */
    Optional<Duration> lookup(HttpServletRequest request) {
        return refused(lookups.take(addressKey(request.getRemoteAddr())));
    }

    /**
     * A report submission: empty when it may go ahead, else how long to wait. Gives the browser a device cookie
     * when it has none (or a malformed one).
     */
    Optional<Duration> report(HttpServletRequest request, HttpServletResponse response) {
        Optional<Duration> byAddress = refused(reportsByAddress.take(addressKey(request.getRemoteAddr())));
        if (byAddress.isPresent()) {
            return byAddress;
        }
        return refused(reportsByDevice.take(device(request, response)));
    }

    /** The device id of this browser, issuing one when it has none. */
    String device(HttpServletRequest request, HttpServletResponse response) {
        if (request.getCookies() != null) {
            for (Cookie c : request.getCookies()) {
                if (DEVICE_COOKIE.equals(c.getName())
                        && c.getValue() != null
                        && DEVICE_ID.matcher(c.getValue()).matches()) {
                    return c.getValue();
                }
            }
        }
        byte[] id = new byte[16];
        random.nextBytes(id);
        String value = HexFormat.of().formatHex(id);
        response.addHeader(
                "Set-Cookie",
                ResponseCookie.from(DEVICE_COOKIE, value)
                        .path("/public")
                        .httpOnly(true)
                        .sameSite("Lax")
                        .secure(request.isSecure())
                        .maxAge(Duration.ofDays(365))
                        .build()
                        .toString());
        return value;
    }

    private static Optional<Duration> refused(Duration wait) {
        return wait.isZero() ? Optional.empty() : Optional.of(wait);
    }

    /** The address a client is counted by: IPv4 as is, IPv6 by its /64 prefix. */
    static String addressKey(String remoteAddress) {
        if (remoteAddress == null || remoteAddress.isBlank()) {
            return "?";
        }
        if (remoteAddress.indexOf(':') < 0) {
            return remoteAddress;
        }
        try {
            String literal = remoteAddress.startsWith("[")
                    ? remoteAddress.substring(1, remoteAddress.length() - 1)
                    : remoteAddress;
            int zone = literal.indexOf('%');
            byte[] b = InetAddress.getByName(zone < 0 ? literal : literal.substring(0, zone))
                    .getAddress();
            if (b.length != 16) {
                return InetAddress.getByAddress(b).getHostAddress();
            }
            return HexFormat.of().formatHex(b, 0, 8) + "::/64";
        } catch (UnknownHostException e) {
            return remoteAddress;
        }
    }
}
