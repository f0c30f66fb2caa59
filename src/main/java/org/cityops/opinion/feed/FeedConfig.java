package org.cityops.opinion.feed;

import java.time.Duration;

/**
 * One configured feed ({@code cityops.opinion.feeds[n]}): its name (shown as the items' 来源), its http(s) address
 * and how often it is read (default 15 minutes, at least 1 minute).
 */
public record FeedConfig(String name, String url, Duration interval) {

    public FeedConfig {
        if (interval == null || interval.compareTo(Duration.ofMinutes(1)) < 0) {
            interval = interval == null ? Duration.ofMinutes(15) : Duration.ofMinutes(1);
        }
    }
}
