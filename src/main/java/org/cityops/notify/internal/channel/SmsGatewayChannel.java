package org.cityops.notify.internal.channel;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.cityops.notify.internal.NotifyProperties;
import org.cityops.notify.internal.RetryPolicy.Outcome;

/**
 * 短信: any SMS platform reached by one HTTP request per message, described by configuration (url, method, body
 * template with {@code {phone}} and {@code {text}}, content type, extra headers, and optionally a header carrying
 * HMAC-SHA256 of the body). The values are escaped for the content type: JSON string content for a JSON body,
 * URL-encoding for a form body and for the URL.
 */
public final class SmsGatewayChannel implements Channel {

    private final NotifyProperties.Sms config;
    private final Http http;

    public SmsGatewayChannel(NotifyProperties.Sms config, java.time.Duration timeout) {
        this.config = config;
        this.http = new Http(timeout);
    }

    @Override
    public String code() {
        return "SMS";
    }

    @Override
    public Outcome send(Delivery d) {
        if (config.getUrl() == null || config.getUrl().isBlank()) {
            return Outcome.refused("未配置短信网关 (cityops.notify.sms.url)");
        }
        String url = config.getUrl().replace("{phone}", urlEncode(d.address())).replace("{text}", urlEncode(d.text()));
        String body = body(d.address(), d.text());
        Map<String, String> headers = new LinkedHashMap<>(config.getHeaders());
        String sigHeader = config.getSignatureHeader();
        if (sigHeader != null && !sigHeader.isBlank()) {
            String secret = config.getSignatureSecret();
            if (secret == null || secret.isEmpty()) {
                return Outcome.refused("未配置短信签名密钥 (cityops.notify.sms.signature-secret)");
            }
            headers.put(sigHeader, signature(secret, body));
        }
        return http.call(config.getMethod(), url, config.getContentType(), headers, body)
                .outcome();
    }

    /** The request body for one message. */
    String body(String phone, String text) {
        String type =
                config.getContentType() == null ? "" : config.getContentType().toLowerCase(Locale.ROOT);
        boolean json = type.contains("json");
        boolean form = type.contains("x-www-form-urlencoded");
        String p = json ? Http.json(phone) : form ? urlEncode(phone) : phone;
        String t = json ? Http.json(text) : form ? urlEncode(text) : text;
        // one pass, so a {phone} typed inside the text is not replaced again
        return config.getBodyTemplate()
                .replace("{phone}", "\u0000P\u0000")
                .replace("{text}", "\u0000T\u0000")
                .replace("\u0000P\u0000", p)
                .replace("\u0000T\u0000", t);
    }

    /** HMAC-SHA256 of the body with the secret, lower-case hex. */
    public static String signature(String secret, String body) {
        return Http.hex(Http.hmacSha256(secret, body));
    }

    private static String urlEncode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
