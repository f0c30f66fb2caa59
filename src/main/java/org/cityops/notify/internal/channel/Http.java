package org.cityops.notify.internal.channel;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.cityops.notify.internal.RetryPolicy.Outcome;

/** The HTTP side shared by the SMS gateway and the robots: one client, a timeout per request, outcome by status. */
final class Http {

    private final HttpClient client;
    private final Duration timeout;

    Http(Duration timeout) {
        this.timeout = timeout;
        this.client = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** The response's status and body (at most 300 characters kept), or a transient outcome when none came. */
    Response call(String method, String url, String contentType, Map<String, String> headers, String body) {
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(timeout);
            headers.forEach(b::header);
            if ("GET".equalsIgnoreCase(method)) {
                b.GET();
            } else {
                b.header("Content-Type", contentType)
                        .method(
                                method.toUpperCase(java.util.Locale.ROOT),
                                HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
            }
            HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(r.statusCode(), shorten(r.body()), null);
        } catch (HttpTimeoutException e) {
            return new Response(0, null, Outcome.retry("超时 " + timeout.toMillis() + " ms"));
        } catch (IOException e) {
            return new Response(0, null, Outcome.retry("连接失败: " + e.getClass().getSimpleName()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Response(0, null, Outcome.retry("interrupted"));
        } catch (IllegalArgumentException e) {
            return new Response(0, null, Outcome.refused("地址无效: " + e.getMessage()));
        }
    }

    record Response(int status, String body, Outcome failure) {

        Outcome outcome() {
            return failure != null ? failure : Outcome.ofHttpStatus(status, body);
        }
    }

    static String shorten(String s) {
        return s == null ? null : s.length() <= 200 ? s : s.substring(0, 200);
    }

    static byte[] hmacSha256(String key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }

    /** A JSON string's content (without the quotes). */
    static String json(String s) {
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
