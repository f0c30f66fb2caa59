package org.cityops.cases.internal;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.cityops.cases.CaseChannel;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Which cases anonymous users may see (the public lookup, Open311 {@code GET requests}, the updates feed and its
 * media): cases a citizen reported, on the web or app ({@code CITIZEN}) or through an Open311 client
 * ({@code OPEN311}), and 12319 hotline cases unless {@code cityops.cases.public.hotline} is false. Never the
 * internal channels: an inspector's patrol report ({@code INSPECTOR}), a leader's instruction ({@code LEADER}),
 * a media or opinion lead ({@code MEDIA}) or a case another module raised ({@code ALERT}, e.g. a muck alarm with
 * its evidence, plate and the supervisor's note).
 */
@Component
public class PublicChannels {

    private final Set<CaseChannel> channels;

    public PublicChannels(@Value("${cityops.cases.public.hotline:true}") boolean hotline) {
        EnumSet<CaseChannel> set = EnumSet.of(CaseChannel.CITIZEN, CaseChannel.OPEN311);
        if (hotline) {
            set.add(CaseChannel.HOTLINE);
        }
        this.channels = Set.copyOf(set);
    }

    public boolean isPublic(CaseChannel channel) {
        return channel != null && channels.contains(channel);
    }

    /** The channel names, for {@code channel IN (:public)} in queries. */
    public List<String> names() {
        return channels.stream().map(Enum::name).sorted().toList();
    }
}
