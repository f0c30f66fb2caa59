package org.cityops.notify.internal.channel;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cityops.notify.internal.RetryPolicy.Outcome;

/**
 * 企业微信 and 钉钉 group robots: a POST of {@code {"msgtype":"text","text":{"content":…}}} to the group's webhook.
 * 钉钉 加签: with a secret, {@code timestamp} (ms) and {@code sign} = Base64(HmacSHA256(secret, timestamp + "\n" +
 * secret)), URL-encoded, are added to the query. Both answer HTTP 200 with an {@code errcode}: 0 is delivered, a
 * rate limit (企业微信 45009, 钉钉 130101) or "busy" (-1) is retried, any other code is refused for good.
 */
public final class RobotChannel implements Channel {

    private static final Pattern ERRCODE = Pattern.compile("\"errcode\"\\s*:\\s*(-?\\d+)");
    private final String code;
    private final Http http;
    private final Clock clock;

    private RobotChannel(String code, Duration timeout, Clock clock) {
        this.code = code;
        this.http = new Http(timeout);
        this.clock = clock;
    }

    public static RobotChannel wecom(Duration timeout, Clock clock) {
        return new RobotChannel("WECOM", timeout, clock);
    }

    public static RobotChannel dingtalk(Duration timeout, Clock clock) {
        return new RobotChannel("DINGTALK", timeout, clock);
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public Outcome send(Delivery d) {
        if (d.address() == null || d.address().isBlank()) {
            return Outcome.refused("未配置机器人地址");
        }
        String url = d.address();
        if ("DINGTALK".equals(code) && d.secret() != null && !d.secret().isEmpty()) {
            long ts = clock.millis();
            url += (url.contains("?") ? "&" : "?") + "timestamp=" + ts + "&sign=" + dingtalkSign(d.secret(), ts);
        }
        String body = "{\"msgtype\":\"text\",\"text\":{\"content\":\"" + Http.json(d.text()) + "\"}}";
        Http.Response r = http.call("POST", url, "application/json; charset=utf-8", Map.of(), body);
        Outcome o = r.outcome();
        if (o.kind() != Outcome.Kind.DELIVERED || r.body() == null) {
            return o;
        }
        Matcher m = ERRCODE.matcher(r.body());
        if (!m.find() || "0".equals(m.group(1))) {
            return o;
        }
        String err = "errcode " + m.group(1) + ": " + r.body();
        return switch (m.group(1)) {
            case "45009", "130101", "-1" -> Outcome.retry(err);
            default -> Outcome.refused(err);
        };
    }

    /** 钉钉's sign for a timestamp (ms), already URL-encoded. */
    public static String dingtalkSign(String secret, long timestampMillis) {
        byte[] mac = Http.hmacSha256(secret, timestampMillis + "\n" + secret);
        return URLEncoder.encode(Base64.getEncoder().encodeToString(mac), StandardCharsets.UTF_8);
    }
}
