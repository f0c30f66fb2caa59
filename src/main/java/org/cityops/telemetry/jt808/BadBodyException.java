package org.cityops.telemetry.jt808;

/** A message body that does not parse. */
public final class BadBodyException extends RuntimeException {

    public BadBodyException(String message) {
        super(message, null, false, false);
    }
}
