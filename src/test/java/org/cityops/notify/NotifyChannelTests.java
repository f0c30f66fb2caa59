package org.cityops.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.cityops.notify.internal.NotifyProperties;
import org.cityops.notify.internal.RetryPolicy.Outcome;
import org.cityops.notify.internal.channel.Channel.Delivery;
import org.cityops.notify.internal.channel.MailChannel;
import org.cityops.notify.internal.channel.RobotChannel;
import org.cityops.notify.internal.channel.SmsGatewayChannel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The channels against real local servers: a JDK HTTP server standing in for the SMS platform and the robots
 * (bodies and signatures checked; 5xx, timeouts and refused connections retried; 4xx refused), GreenMail for SMTP.
 */
class NotifyChannelTests {

    @RegisterExtension
    static GreenMailExtension mail = new GreenMailExtension(ServerSetupTest.SMTP);

    HttpServer server;
    final List<Received> received = new CopyOnWriteArrayList<>();
    volatile int answer = 200;
    volatile String answerBody = "{\"code\":0}";
    final CountDownLatch release = new CountDownLatch(1);
    volatile boolean hang;

    record Received(String method, String uri, Map<String, List<String>> headers, String body) {}

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", ex -> {
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(new Received(
                    ex.getRequestMethod(), ex.getRequestURI().toString(), Map.copyOf(ex.getRequestHeaders()), body));
            if (hang) {
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            byte[] out = answerBody.getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(answer, out.length);
            ex.getResponseBody().write(out);
            ex.close();
        });
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
    }

    @AfterEach
    void stop() {
        release.countDown();
        server.stop(0);
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    SmsGatewayChannel sms(String contentType, String template, String secret) {
        NotifyProperties.Sms c = new NotifyProperties.Sms();
        c.setUrl(url("/sms/send"));
        c.setContentType(contentType);
        c.setBodyTemplate(template);
        c.setHeaders(Map.of("X-Api-Key", "test-key"));
        if (secret != null) {
            c.setSignatureHeader("X-Signature");
            c.setSignatureSecret(secret);
        }
        return new SmsGatewayChannel(c, timeout);
    }

    /** Generous: a cold JVM's first request takes most of a second; the timeout test shortens it. */
    Duration timeout = Duration.ofSeconds(5);

    static final String TEXT = "【城管】案件\"A-1\"（道路破损）请于12-08 17:00前处理。";

    @Test
    void the_sms_gateway_gets_the_configured_json_body_with_headers_and_an_hmac_signature_of_the_body() {
        Outcome o = sms("application/json", "{\"mobile\":\"{phone}\",\"content\":\"{text}\",\"sign\":\"城管\"}", "s3cret")
                .send(new Delivery("13800001234", null, "t", TEXT));
        assertThat(o.kind()).isEqualTo(Outcome.Kind.DELIVERED);
        Received r = received.get(0);
        assertThat(r.method()).isEqualTo("POST");
        assertThat(r.body())
                .isEqualTo("{\"mobile\":\"13800001234\",\"content\":\"【城管】案件\\\"A-1\\\"（道路破损）请于12-08 17:00前处理。\","
                        + "\"sign\":\"城管\"}");
        assertThat(r.headers().get("X-api-key")).containsExactly("test-key");
        assertThat(r.headers().get("X-signature")).containsExactly(hmacHex("s3cret", r.body()));
    }

    @Test
    void a_form_body_is_url_encoded() {
        sms("application/x-www-form-urlencoded", "to={phone}&msg={text}", null)
                .send(new Delivery("13800001234", null, "t", "a&b=c 好"));
        String body = received.get(0).body();
        assertThat(body).startsWith("to=13800001234&msg=");
        assertThat(URLDecoder.decode(body.substring(body.indexOf("msg=") + 4), StandardCharsets.UTF_8))
                .isEqualTo("a&b=c 好");
    }

    @Test
    void a_5xx_answer_is_retried_and_a_4xx_answer_is_refused_for_good() {
        answer = 503;
        assertThat(sms("application/json", "{\"p\":\"{phone}\",\"t\":\"{text}\"}", null)
                        .send(new Delivery("13800001234", null, "t", "x"))
                        .kind())
                .isEqualTo(Outcome.Kind.TRANSIENT);
        answer = 400;
        Outcome refused = sms("application/json", "{\"p\":\"{phone}\",\"t\":\"{text}\"}", null)
                .send(new Delivery("13800001234", null, "t", "x"));
        assertThat(refused.kind()).as(refused.error()).isEqualTo(Outcome.Kind.PERMANENT);
        assertThat(refused.error()).contains("HTTP 400");
    }

    @Test
    void a_gateway_that_does_not_answer_in_time_is_retried() {
        hang = true;
        timeout = Duration.ofMillis(500);
        Outcome o = sms("application/json", "{\"p\":\"{phone}\"}", null).send(new Delivery("1380000", null, "t", "x"));
        assertThat(o.kind()).isEqualTo(Outcome.Kind.TRANSIENT);
        assertThat(o.error()).contains("超时");
    }

    @Test
    void a_refused_connection_is_retried() throws IOException {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        NotifyProperties.Sms c = new NotifyProperties.Sms();
        c.setUrl("http://127.0.0.1:" + closedPort + "/sms");
        Outcome o = new SmsGatewayChannel(c, Duration.ofSeconds(2)).send(new Delivery("13800001234", null, "t", "x"));
        assertThat(o.kind()).isEqualTo(Outcome.Kind.TRANSIENT);
    }

    @Test
    void the_wecom_robot_gets_a_text_message() {
        answerBody = "{\"errcode\":0,\"errmsg\":\"ok\"}";
        Outcome o = RobotChannel.wecom(Duration.ofSeconds(2), Clock.systemUTC())
                .send(new Delivery(url("/cgi-bin/webhook/send?key=abc"), null, "t", "第一行\n\"第二行\""));
        assertThat(o.kind()).isEqualTo(Outcome.Kind.DELIVERED);
        assertThat(received.get(0).uri()).isEqualTo("/cgi-bin/webhook/send?key=abc");
        assertThat(received.get(0).body())
                .isEqualTo("{\"msgtype\":\"text\",\"text\":{\"content\":\"第一行\\n\\\"第二行\\\"\"}}");
    }

    @Test
    void the_dingtalk_robot_is_signed_with_timestamp_and_sign_query_parameters() {
        answerBody = "{\"errcode\":0,\"errmsg\":\"ok\"}";
        Clock clock = Clock.fixed(Instant.ofEpochMilli(1_765_000_000_123L), ZoneOffset.UTC);
        Outcome o = RobotChannel.dingtalk(Duration.ofSeconds(2), clock)
                .send(new Delivery(url("/robot/send?access_token=tok"), "SECabc", "t", "报警"));
        assertThat(o.kind()).isEqualTo(Outcome.Kind.DELIVERED);
        String uri = received.get(0).uri();
        assertThat(uri).startsWith("/robot/send?access_token=tok&timestamp=1765000000123&sign=");
        String sign = URLDecoder.decode(uri.substring(uri.indexOf("&sign=") + 6), StandardCharsets.UTF_8);
        String expected = java.util.Base64.getEncoder().encodeToString(hmac("SECabc", "1765000000123\nSECabc"));
        assertThat(sign).isEqualTo(expected);
    }

    @Test
    void a_robot_errcode_is_refused_except_the_rate_limit_which_is_retried() {
        answerBody = "{\"errcode\":310000,\"errmsg\":\"sign not match\"}";
        Outcome bad = RobotChannel.dingtalk(Duration.ofSeconds(2), Clock.systemUTC())
                .send(new Delivery(url("/robot/send"), "x", "t", "报警"));
        assertThat(bad.kind()).isEqualTo(Outcome.Kind.PERMANENT);
        answerBody = "{\"errcode\":45009,\"errmsg\":\"api freq out of limit\"}";
        Outcome limited = RobotChannel.wecom(Duration.ofSeconds(2), Clock.systemUTC())
                .send(new Delivery(url("/robot/send"), null, "t", "报警"));
        assertThat(limited.kind()).isEqualTo(Outcome.Kind.TRANSIENT);
    }

    @Test
    void an_email_is_delivered_over_smtp_with_the_kinds_label_as_subject() throws Exception {
        NotifyProperties.Mail c = new NotifyProperties.Mail();
        c.setHost("127.0.0.1");
        c.setPort(mail.getSmtp().getPort());
        c.setFrom("cityops@example.org");
        Outcome o = new MailChannel(c, Duration.ofSeconds(5))
                .send(new Delivery("leader@example.org", null, "【城管】案件超期", "案件A-1已超期。"));
        assertThat(o.kind()).isEqualTo(Outcome.Kind.DELIVERED);
        MimeMessage[] got = mail.getReceivedMessages();
        assertThat(got).hasSize(1);
        assertThat(got[0].getSubject()).isEqualTo("【城管】案件超期");
        assertThat(String.valueOf(got[0].getContent()).strip()).isEqualTo("案件A-1已超期。");
        assertThat(got[0].getAllRecipients()[0].toString()).isEqualTo("leader@example.org");
    }

    @Test
    void an_smtp_server_that_cannot_be_reached_is_retried() throws IOException {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        NotifyProperties.Mail c = new NotifyProperties.Mail();
        c.setHost("127.0.0.1");
        c.setPort(closedPort);
        Outcome o = new MailChannel(c, Duration.ofSeconds(2)).send(new Delivery("a@example.org", null, "s", "t"));
        assertThat(o.kind()).isEqualTo(Outcome.Kind.TRANSIENT);
    }

    static byte[] hmac(String key, String data) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String hmacHex(String key, String data) {
        return java.util.HexFormat.of().formatHex(hmac(key, data));
    }
}
