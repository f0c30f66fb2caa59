package org.cityops.telemetry.pipeline;

/**
 * The partition's stored offset is not the one this writer read: another node took the partition over and stored
 * from it. Nothing of the batch was committed.
 */
public final class StaleOffsetException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    public StaleOffsetException(String message) {
        super(message);
    }
}
