package org.cityops.platform;

import java.io.Serializable;
import java.util.Arrays;
import java.util.List;

/**
 * Base of the exceptions domain code throws for expected failures. The web layer maps each subtype to an
 * RFC 9457 problem detail with the status it names; domain code never sees HTTP.
 *
 * <p>What a person reads is resolved per locale at the web edge (zh → Chinese, en → English): an exception
 * built {@link #withKey with a message key} is resolved from the messages*.properties; one with only a text
 * written the house way, "中文 English" (e.g. "问题已销号 the problem is already signed off"), shows the part
 * of the caller's language ({@code platform.web.LocalizedProblems}).
 */
public abstract class DomainException extends RuntimeException {

    private final String field;
    private String messageKey;
    private Serializable[] args = new Serializable[0];

    protected DomainException(String message, String field) {
        super(message);
        this.field = field;
    }

    /**
     * Names the message that says this failure in every language, e.g. {@code cases.error.illegalTransition}.
     * An argument may be a {@link MessageArg} (itself a message, such as a status label); any other is kept as
     * its text. The text given to the constructor stays the log's message and the fallback.
     */
    @SuppressWarnings("unchecked")
    public <E extends DomainException> E withKey(String key, Object... arguments) {
        this.messageKey = key;
        this.args = Arrays.stream(arguments)
                .map(a -> a instanceof MessageArg m ? m : String.valueOf(a))
                .toArray(Serializable[]::new);
        return (E) this;
    }

    /** The input field the failure is about, or null. */
    public String field() {
        return field;
    }

    /** Message key of the failure, or null when only the text given to the constructor says it. */
    public String messageKey() {
        return messageKey;
    }

    public List<Object> args() {
        return List.of((Object[]) args);
    }

    /** An argument that is itself a message, e.g. {@code cases.status.CHECKED}; {@code fallback} if unknown. */
    public record MessageArg(String code, String fallback) implements Serializable {}
}
