package org.cityops.platform;

/**
 * Base of the exceptions domain code throws for expected failures. The web layer maps each subtype to an
 * RFC 9457 problem detail with the status it names; domain code never sees HTTP.
 */
public abstract class DomainException extends RuntimeException {

    private final String field;

    protected DomainException(String message, String field) {
        super(message);
        this.field = field;
    }

    /** The input field the failure is about, or null. */
    public String field() {
        return field;
    }
}
