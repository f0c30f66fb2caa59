package org.cityops.notify.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.cityops.notify.Notice;
import org.cityops.notify.NoticeKind;
import org.cityops.notify.NoticeRecord;
import org.cityops.notify.Notifications;
import org.cityops.notify.Recipient;
import org.cityops.org.OrgDirectory;
import org.cityops.platform.CityClock;
import org.cityops.platform.InvalidInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outbox: {@link #queue} writes one row per recipient and channel in the caller's transaction, inside a
 * savepoint (nested transaction). A database failure rolls back to the savepoint, is logged and swallowed, so
 * the caller's own work still commits (on PostgreSQL a failed statement would otherwise poison the whole
 * transaction). Invalid notices (no recipients, a value missing) are refused before anything is written.
 *
 * <p>Routes: a staff account by its preferences (SMS to its phone from the org module, e-mail to its address),
 * held in its quiet hours unless the kind is urgent; a phone number (citizen) by SMS only, masked wherever shown;
 * a group by its configured channel. No contact details: a SKIPPED row (visible, not an error). In {@code log}
 * mode each recipient gets one LOG row, SENT at once (or HELD/SKIPPED), and nothing leaves the machine.
 */
public class OutboxNotifications implements Notifications {

    private static final Logger log = LoggerFactory.getLogger(OutboxNotifications.class);
    private static final Pattern PHONE = Pattern.compile("^\\+?\\d{5,20}$");

    private final NotifyProperties config;
    private final OutboxStore store;
    private final NoticeTemplates templates;
    private final NotifyPreferences preferences;
    private final OrgDirectory directory;
    private final Channels channels;
    private final TransactionTemplate nested;
    private final Clock clock;
    private final Consumer<DeliveryLane> wake;

    public OutboxNotifications(
            NotifyProperties config,
            OutboxStore store,
            NoticeTemplates templates,
            NotifyPreferences preferences,
            OrgDirectory directory,
            Channels channels,
            PlatformTransactionManager transactions,
            Clock clock,
            Consumer<DeliveryLane> wake) {
        this.config = config;
        this.store = store;
        this.templates = templates;
        this.preferences = preferences;
        this.directory = directory;
        this.channels = channels;
        this.nested = new TransactionTemplate(transactions);
        this.nested.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.clock = clock;
        this.wake = wake;
    }

    @Override
    public void queue(Notice notice) {
        if (notice.to().isEmpty()) {
            throw new InvalidInputException("通知没有收件人", "to");
        }
        if (notice.eventId().isBlank()) {
            throw new InvalidInputException("通知缺少事件标识", "eventId");
        }
        TemplateText.requireValues(notice.kind(), notice.values());
        int[] written = {0};
        try {
            nested.executeWithoutResult(tx -> written[0] = write(notice));
        } catch (InvalidInputException e) {
            throw e;
        } catch (RuntimeException e) {
            log.warn(
                    "notice {} ({}) not queued, the caller's work goes on: {}",
                    notice.eventId().length() > 80 ? notice.eventId().substring(0, 80) + "…" : notice.eventId(),
                    notice.kind(),
                    e.getClass().getSimpleName() + ": " + shorten(e.getMessage()));
            return;
        }
        if (written[0] > 0 && config.live()) {
            DeliveryLane lane = DeliveryLane.of(notice.kind());
            afterCommit(() -> wake.accept(lane));
        }
    }

    @Override
    public List<NoticeRecord> ofEvent(String eventId) {
        return store.ofEvent(eventId).stream()
                .map(r -> new NoticeRecord(
                        r.eventId(), r.kind(), r.recipient(), r.channel(), r.status(), r.text(), r.queuedAt()))
                .toList();
    }

    private int write(Notice notice) {
        Instant now = clock.instant();
        String text = TemplateText.render(templates.current(notice.kind()), notice.values());
        Map<String, OutboxStore.NewRow> rows = new LinkedHashMap<>();
        for (Recipient r : notice.to()) {
            for (OutboxStore.NewRow row : routes(r, notice.kind(), now)) {
                rows.putIfAbsent(row.recipientKey() + "\u0000" + row.channel(), row);
            }
        }
        return store.insert(
                notice.eventId(),
                notice.kind(),
                text,
                notice.refModule(),
                notice.refId(),
                now,
                new ArrayList<>(rows.values()));
    }

    /** The rows for one recipient. */
    List<OutboxStore.NewRow> routes(Recipient r, NoticeKind kind, Instant now) {
        boolean live = config.live();
        if (r instanceof Recipient.Staff s) {
            return staff(s.username() == null ? "" : s.username().strip(), kind, now, live);
        }
        if (r instanceof Recipient.Phone p) {
            return List.of(phone(p.number(), now, live));
        }
        Recipient.Group g = (Recipient.Group) r;
        return List.of(group(g.name() == null ? "" : g.name().strip(), now, live));
    }

    private List<OutboxStore.NewRow> staff(String username, NoticeKind kind, Instant now, boolean live) {
        if (directory.staff(username).isEmpty()) {
            return List.of(skipped(username, username, live ? "SMS" : "LOG", "账号不存在或已停用"));
        }
        NotifyPreferences.Preference p = preferences.of(username);
        Optional<Instant> hold = p.quiet().holdUntil(now, CityClock.ZONE, kind.urgent());
        List<String[]> found = new ArrayList<>(); // channel, address
        List<String> missing = new ArrayList<>(); // channel, error
        if (p.sms()) {
            Optional<String> phone = directory.phoneOf(username);
            if (phone.isPresent()) {
                found.add(new String[] {"SMS", phone.get()});
            } else {
                missing.add("SMS");
                missing.add("未登记手机号");
            }
        }
        if (p.email()) {
            if (p.emailAddress() != null) {
                found.add(new String[] {"EMAIL", p.emailAddress()});
            } else {
                missing.add("EMAIL");
                missing.add("未登记邮箱");
            }
        }
        if (found.isEmpty() && missing.isEmpty()) {
            return List.of(skipped(username, username, live ? "SMS" : "LOG", "未选择通知方式"));
        }
        List<OutboxStore.NewRow> out = new ArrayList<>();
        if (!live) {
            if (found.isEmpty()) {
                List<String> errors = new ArrayList<>();
                for (int i = 1; i < missing.size(); i += 2) {
                    errors.add(missing.get(i));
                }
                return List.of(skipped(username, username, "LOG", String.join("，", errors)));
            }
            List<String> where = new ArrayList<>();
            for (String[] f : found) {
                where.add("SMS".equals(f[0]) ? "短信 " + Masking.phone(f[1]) : "邮件 " + Masking.email(f[1]));
            }
            out.add(due(username, username, "LOG", String.join("；", where), hold, now, false));
            return out;
        }
        for (String[] f : found) {
            out.add(due(username, username, f[0], f[1], hold, now, true));
        }
        for (int i = 0; i < missing.size(); i += 2) {
            out.add(skipped(username, username, missing.get(i), missing.get(i + 1)));
        }
        return out;
    }

    private OutboxStore.NewRow phone(String number, Instant now, boolean live) {
        String n = number == null ? "" : number.replaceAll("[\\s-]", "");
        String shown = Masking.phone(n);
        if (!PHONE.matcher(n).matches()) {
            return skipped("tel:" + n, shown, live ? "SMS" : "LOG", "号码无效");
        }
        return live
                ? due("tel:" + n, shown, "SMS", n, Optional.empty(), now, true)
                : due("tel:" + n, shown, "LOG", "短信 " + shown, Optional.empty(), now, false);
    }

    private OutboxStore.NewRow group(String name, Instant now, boolean live) {
        Optional<NotifyProperties.Group> g = channels.group(name);
        if (g.isEmpty()) {
            return skipped("group:" + name, name, "LOG", "未配置的群组");
        }
        String channel = g.get().getChannel();
        return live
                ? due("group:" + name, name, channel, name, Optional.empty(), now, true)
                : due("group:" + name, name, "LOG", channel, Optional.empty(), now, false);
    }

    private static OutboxStore.NewRow due(
            String key,
            String shown,
            String channel,
            String address,
            Optional<Instant> hold,
            Instant now,
            boolean live) {
        if (hold.isPresent()) {
            return new OutboxStore.NewRow(key, shown, channel, address, "HELD", hold.get(), null, null);
        }
        return live
                ? new OutboxStore.NewRow(key, shown, channel, address, "PENDING", now, null, null)
                : new OutboxStore.NewRow(key, shown, channel, address, "SENT", null, null, now);
    }

    private static OutboxStore.NewRow skipped(String key, String shown, String channel, String error) {
        return new OutboxStore.NewRow(key, shown, channel, null, "SKIPPED", null, error, null);
    }

    private static String shorten(String s) {
        return s == null || s.length() <= 300 ? s : s.substring(0, 300) + "…";
    }

    private static void afterCommit(Runnable r) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    r.run();
                }
            });
        } else {
            r.run();
        }
    }
}
