package org.cityops.platform;

/** Something asked for does not exist (404). */
public class NotFoundException extends DomainException {

    public NotFoundException(String message) {
        super(message, null);
    }

    public NotFoundException(String message, String field) {
        super(message, field);
    }
}
