package org.cityops.platform;

/** The operation clashes with the current state, e.g. an illegal transition or a concurrent change (409). */
public class ConflictException extends DomainException {

    public ConflictException(String message) {
        super(message, null);
    }

    public ConflictException(String message, String field) {
        super(message, field);
    }
}
