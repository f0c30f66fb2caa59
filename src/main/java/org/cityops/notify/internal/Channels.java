package org.cityops.notify.internal;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.cityops.notify.internal.channel.Channel;
import org.cityops.notify.internal.channel.LogChannel;
import org.cityops.notify.internal.channel.MailChannel;
import org.cityops.notify.internal.channel.RobotChannel;
import org.cityops.notify.internal.channel.SmsGatewayChannel;

/** The channels by code, built from {@link NotifyProperties}; a group name resolved to its channel and target. */
public final class Channels {

    private final NotifyProperties config;
    private final Map<String, Channel> byCode;

    public Channels(NotifyProperties config, Clock clock) {
        this.config = config;
        this.byCode = Map.of(
                "SMS", new SmsGatewayChannel(config.getSms(), config.getTimeout()),
                "WECOM", RobotChannel.wecom(config.getTimeout(), clock),
                "DINGTALK", RobotChannel.dingtalk(config.getTimeout(), clock),
                "EMAIL", new MailChannel(config.getMail(), config.getTimeout()),
                "LOG", new LogChannel());
    }

    public Optional<Channel> channel(String code) {
        return Optional.ofNullable(byCode.get(code));
    }

    /** A configured group, with its channel upper-cased; empty when unknown or without a valid channel. */
    public Optional<NotifyProperties.Group> group(String name) {
        NotifyProperties.Group g = config.getGroups().get(name);
        if (g == null || g.getChannel() == null) {
            return Optional.empty();
        }
        String c = g.getChannel().strip().toUpperCase(java.util.Locale.ROOT);
        return switch (c) {
            case "WECOM", "DINGTALK", "EMAIL" -> {
                g.setChannel(c);
                yield Optional.of(g);
            }
            default -> Optional.empty();
        };
    }
}
