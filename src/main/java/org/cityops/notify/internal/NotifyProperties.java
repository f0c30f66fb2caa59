package org.cityops.notify.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code cityops.notify.*}: the mode (log = the demo's and the tests' default, nothing leaves the machine; live =
 * the channels below), retries, and the channels' endpoints. Secrets come from the environment or the deployment's
 * configuration, never from the repository. See docs/notify.md for examples.
 */
@ConfigurationProperties("cityops.notify")
public class NotifyProperties {

    /** {@code log} (record and show, send nothing) or {@code live}. */
    private String mode = "log";

    /** Waits after the 1st, 2nd, … failed attempt; the last repeats. */
    private List<Duration> backoff = new ArrayList<>(RetryPolicy.DEFAULT.backoff());

    /** Attempts in all before a notice is a dead letter. */
    private int maxAttempts = RetryPolicy.DEFAULT.maxAttempts();

    /** Rows one dispatcher round claims. */
    private int batchSize = 200;

    /** Deliveries in flight at once. */
    private int concurrency = 32;

    /** Each lane's budget of notices a second on one node (0 = no cap); see {@link DeliveryLane}. */
    private final Lanes lanes = new Lanes();

    /** How often the dispatcher looks for due rows (it is also woken after a commit that queued some). */
    private Duration poll = Duration.ofSeconds(1);

    /** How long one HTTP or SMTP attempt may take. */
    private Duration timeout = Duration.ofSeconds(10);

    /** Whether the scheduled dispatcher runs (tests that drive it themselves turn it off). */
    private boolean dispatcherEnabled = true;

    private final Sms sms = new Sms();
    private final Mail mail = new Mail();
    private final Map<String, Group> groups = new LinkedHashMap<>();

    public boolean live() {
        return "live".equalsIgnoreCase(mode);
    }

    public RetryPolicy retryPolicy() {
        return new RetryPolicy(backoff, maxAttempts);
    }

    /**
     * {@code cityops.notify.lanes.*}: notices a second one node's dispatcher delivers in each lane (0 = as fast as
     * the channels take them). The defaults: urgent uncapped (督办 and 超期 never wait); task 1,000 (above the 500 a
     * second that full case intake creates, so the intake's own 核实 tasks never queue up); bulk 250 (a burst of
     * 10,000 warnings in 40 s, inside the minute, with a tenth of the CPU an uncapped burst takes a second).
     */
    public static class Lanes {
        private int urgent = 0;
        private int task = 1000;
        private int bulk = 250;

        public int getUrgent() {
            return urgent;
        }

        public void setUrgent(int urgent) {
            this.urgent = urgent;
        }

        public int getTask() {
            return task;
        }

        public void setTask(int task) {
            this.task = task;
        }

        public int getBulk() {
            return bulk;
        }

        public void setBulk(int bulk) {
            this.bulk = bulk;
        }

        /** The budgets by lane. */
        Map<DeliveryLane, Integer> perSecond() {
            return Map.of(DeliveryLane.URGENT, urgent, DeliveryLane.TASK, task, DeliveryLane.BULK, bulk);
        }
    }

    /** The SMS gateway (短信平台): an HTTP request per message. */
    public static class Sms {
        private String url;
        private String method = "POST";
        /** {@code {phone}} and {@code {text}} are replaced, escaped for the content type (JSON or form). */
        private String bodyTemplate = "{\"phone\":\"{phone}\",\"text\":\"{text}\"}";

        private String contentType = "application/json";
        private Map<String, String> headers = new LinkedHashMap<>();
        /** Header carrying HMAC-SHA256(body, signature-secret) in lower-case hex; empty: no signature. */
        private String signatureHeader;

        private String signatureSecret;

        public String getUrl() {
            return url;
        }

        public void setUrl(String url) {
            this.url = url;
        }

        public String getMethod() {
            return method;
        }

        public void setMethod(String method) {
            this.method = method;
        }

        public String getBodyTemplate() {
            return bodyTemplate;
        }

        public void setBodyTemplate(String bodyTemplate) {
            this.bodyTemplate = bodyTemplate;
        }

        public String getContentType() {
            return contentType;
        }

        public void setContentType(String contentType) {
            this.contentType = contentType;
        }

        public Map<String, String> getHeaders() {
            return headers;
        }

        public void setHeaders(Map<String, String> headers) {
            this.headers = headers;
        }

        public String getSignatureHeader() {
            return signatureHeader;
        }

        public void setSignatureHeader(String signatureHeader) {
            this.signatureHeader = signatureHeader;
        }

        public String getSignatureSecret() {
            return signatureSecret;
        }

        public void setSignatureSecret(String signatureSecret) {
            this.signatureSecret = signatureSecret;
        }
    }

    /** The SMTP server for e-mail. */
    public static class Mail {
        private String host;
        private int port = 25;
        private String username;
        private String password;
        private String from = "cityops@localhost";
        private boolean starttls;

        public String getHost() {
            return host;
        }

        public void setHost(String host) {
            this.host = host;
        }

        public int getPort() {
            return port;
        }

        public void setPort(int port) {
            this.port = port;
        }

        public String getUsername() {
            return username;
        }

        public void setUsername(String username) {
            this.username = username;
        }

        public String getPassword() {
            return password;
        }

        public void setPassword(String password) {
            this.password = password;
        }

        public String getFrom() {
            return from;
        }

        public void setFrom(String from) {
            this.from = from;
        }

        public boolean isStarttls() {
            return starttls;
        }

        public void setStarttls(boolean starttls) {
            this.starttls = starttls;
        }
    }

    /** A named group: a 企业微信 or 钉钉 robot (url, optional secret) or a mail list. */
    public static class Group {
        /** WECOM, DINGTALK or EMAIL. */
        private String channel;

        private String url;
        /** 钉钉 加签 secret (optional). */
        private String secret;

        private List<String> mails = new ArrayList<>();

        public String getChannel() {
            return channel;
        }

        public void setChannel(String channel) {
            this.channel = channel;
        }

        public String getUrl() {
            return url;
        }

        public void setUrl(String url) {
            this.url = url;
        }

        public String getSecret() {
            return secret;
        }

        public void setSecret(String secret) {
            this.secret = secret;
        }

        public List<String> getMails() {
            return mails;
        }

        public void setMails(List<String> mails) {
            this.mails = mails;
        }
    }

    public String getMode() {
        return mode;
    }

    public void setMode(String mode) {
        this.mode = mode;
    }

    public List<Duration> getBackoff() {
        return backoff;
    }

    public void setBackoff(List<Duration> backoff) {
        this.backoff = backoff;
    }

    public int getMaxAttempts() {
        return maxAttempts;
    }

    public void setMaxAttempts(int maxAttempts) {
        this.maxAttempts = maxAttempts;
    }

    public int getBatchSize() {
        return batchSize;
    }

    public void setBatchSize(int batchSize) {
        this.batchSize = batchSize;
    }

    public Lanes getLanes() {
        return lanes;
    }

    public int getConcurrency() {
        return concurrency;
    }

    public void setConcurrency(int concurrency) {
        this.concurrency = concurrency;
    }

    public Duration getPoll() {
        return poll;
    }

    public void setPoll(Duration poll) {
        this.poll = poll;
    }

    public Duration getTimeout() {
        return timeout;
    }

    public void setTimeout(Duration timeout) {
        this.timeout = timeout;
    }

    public boolean isDispatcherEnabled() {
        return dispatcherEnabled;
    }

    public void setDispatcherEnabled(boolean dispatcherEnabled) {
        this.dispatcherEnabled = dispatcherEnabled;
    }

    public Sms getSms() {
        return sms;
    }

    public Mail getMail() {
        return mail;
    }

    public Map<String, Group> getGroups() {
        return groups;
    }
}
