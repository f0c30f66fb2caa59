package org.cityops.opinion.feed;

import java.time.Instant;

/** One entry of a feed as read (RSS 2.0 {@code item} or Atom {@code entry}). */
public record FeedEntry(String guid, String title, String link, String summary, Instant published) {}
