package org.cityops.opinion.item;

import java.time.Instant;

/**
 * What a duty officer enters for a new item (the form, the API) or what a feed entry gives.
 *
 * @param guid a feed entry's guid or link (null for an item entered by hand)
 */
public record ItemDraft(
        String title,
        OpinionSource source,
        String feedName,
        String guid,
        String url,
        String summary,
        Instant publishedAt,
        String place,
        Double lat,
        Double lon,
        OpinionLevel level) {}
