package org.cityops.opinion.feed;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.cityops.opinion.item.ItemDraft;
import org.cityops.opinion.item.OpinionItems;
import org.cityops.opinion.item.OpinionLevel;
import org.cityops.opinion.item.OpinionSource;
import org.cityops.platform.DomainException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Pulls the configured feeds ({@code cityops.opinion.feeds}); with none configured it fetches nothing, ever. Each
 * feed is read when its interval has passed: the document (at most 2 MiB, 10 s) is read whole by {@link FeedReader}
 * and its new entries (guid, else link, not seen before) become items in one transaction, so a feed is taken
 * whole or not at all. A feed that cannot be fetched or read is logged and skipped until its next turn.
 */
@Component
public class FeedPoller {

    private static final Logger log = LoggerFactory.getLogger(FeedPoller.class);
    static final int MAX_BYTES = 2 * 1024 * 1024;

    /** What one poll of one feed did. */
    public record PollResult(String feed, int read, int imported, String failure) {}

    private final List<FeedConfig> feeds;
    private final OpinionItems items;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Map<String, Instant> lastPoll = new ConcurrentHashMap<>();
    private volatile HttpClient http;

    FeedPoller(Environment env, OpinionItems items, TransactionTemplate tx, Clock clock) {
        this.feeds = Binder.get(env)
                .bind("cityops.opinion.feeds", Bindable.listOf(FeedConfig.class))
                .orElse(List.of());
        this.items = items;
        this.tx = tx;
        this.clock = clock;
    }

    /** The configured feeds. */
    public List<FeedConfig> feeds() {
        return feeds;
    }

    @Scheduled(fixedDelayString = "${cityops.opinion.feed-check-interval:PT30S}", initialDelayString = "PT30S")
    @SchedulerLock(name = "opinion.feeds", lockAtLeastFor = "PT15S", lockAtMostFor = "PT10M")
    void tick() {
        Instant now = clock.instant();
        for (FeedConfig f : feeds) {
            Instant last = lastPoll.get(f.name());
            if (last == null || !now.isBefore(last.plus(f.interval()))) {
                lastPoll.put(f.name(), now);
                poll(f);
            }
        }
    }

    /** Reads one feed now and takes its new entries (for the scheduler and tests). */
    public PollResult poll(FeedConfig feed) {
        byte[] body;
        try {
            body = fetch(feed.url());
        } catch (IOException | FeedException e) {
            log.warn("舆情订阅源 {} 读取失败 feed not fetched: {}", feed.name(), e.getMessage());
            return new PollResult(feed.name(), 0, 0, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new PollResult(feed.name(), 0, 0, "interrupted");
        }
        return take(feed, new ByteArrayInputStream(body));
    }

    /** Reads a feed document and takes its new entries, all or nothing. */
    public PollResult take(FeedConfig feed, InputStream document) {
        List<FeedEntry> entries;
        try {
            entries = FeedReader.read(document);
        } catch (FeedException e) {
            log.warn("舆情订阅源 {} 格式错误，已跳过 feed skipped: {}", feed.name(), e.getMessage());
            return new PollResult(feed.name(), 0, 0, e.getMessage());
        }
        try {
            Integer imported = tx.execute(s -> {
                int n = 0;
                for (FeedEntry e : entries) {
                    if (items.known(e.guid())) {
                        continue;
                    }
                    String url = e.link() != null
                                    && (e.link().startsWith("http://")
                                            || e.link().startsWith("https://"))
                            ? e.link()
                            : null;
                    if (items.importFeedEntry(new ItemDraft(
                                    e.title(),
                                    OpinionSource.FEED,
                                    feed.name(),
                                    e.guid(),
                                    url,
                                    e.summary(),
                                    e.published() != null && e.published().isAfter(clock.instant())
                                            ? clock.instant()
                                            : e.published(),
                                    null,
                                    null,
                                    null,
                                    OpinionLevel.GENERAL))
                            .isPresent()) {
                        n++;
                    }
                }
                return n;
            });
            int n = imported == null ? 0 : imported;
            if (n > 0) {
                log.info("舆情订阅源 {}: {} new item(s)", feed.name(), n);
            }
            return new PollResult(feed.name(), entries.size(), n, null);
        } catch (DomainException e) {
            log.warn("舆情订阅源 {} 条目无效，已跳过 feed skipped: {}", feed.name(), e.getMessage());
            return new PollResult(feed.name(), entries.size(), 0, e.getMessage());
        }
    }

    private byte[] fetch(String url) throws IOException, InterruptedException, FeedException {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new FeedException("订阅地址无效 bad feed url");
        }
        if (uri.getScheme() == null
                || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
            throw new FeedException("订阅地址须为 http(s) feed url must be http(s)");
        }
        HttpResponse<InputStream> res = client().send(
                        HttpRequest.newBuilder(uri)
                                .timeout(Duration.ofSeconds(10))
                                .header(
                                        "Accept",
                                        "application/rss+xml, application/atom+xml, application/xml, text/xml")
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream in = res.body()) {
            if (res.statusCode() != 200) {
                throw new FeedException("订阅源返回 HTTP " + res.statusCode());
            }
            byte[] body = in.readNBytes(MAX_BYTES + 1);
            if (body.length > MAX_BYTES) {
                throw new FeedException("订阅源超过2MB feed larger than 2 MiB");
            }
            return body;
        }
    }

    private HttpClient client() {
        HttpClient c = http;
        if (c == null) {
            c = HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(5))
                    .followRedirects(HttpClient.Redirect.NORMAL)
                    .build();
            http = c;
        }
        return c;
    }
}
