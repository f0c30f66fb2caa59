package org.cityops.notify;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One thing to tell: its kind (which template), who, the template's values, and the event it comes from.
 *
 * @param eventId a key unique to the causing event (e.g. {@code "case-warning:123:DISPOSE"}); with the recipient
 *                it makes queueing idempotent
 * @param kind    what is told; its template says the words
 * @param to      staff accounts, phone numbers (citizens) or configured groups (robots, mail lists)
 * @param values  the template's placeholders; every placeholder of the kind's template must be present
 * @param refModule the module the notice is about (e.g. {@code "cases"}), for the delivery log
 * @param refId   the record it is about (e.g. a case number), for the delivery log
 */
public record Notice(
        String eventId,
        NoticeKind kind,
        List<Recipient> to,
        Map<String, String> values,
        String refModule,
        String refId) {

    public Notice {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(kind, "kind");
        to = List.copyOf(to);
        values = Map.copyOf(values);
    }
}
