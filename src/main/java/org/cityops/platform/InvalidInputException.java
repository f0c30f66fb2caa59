package org.cityops.platform;

/** Input that fails a rule of the domain (400); names the field where it can. */
public class InvalidInputException extends DomainException {

    public InvalidInputException(String message) {
        super(message, null);
    }

    public InvalidInputException(String message, String field) {
        super(message, field);
    }
}
