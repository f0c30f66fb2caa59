package org.cityops.audit.internal;

/** The checkpoint key is missing or unusable: cityops does not start (see {@link CheckpointKeyFailureAnalyzer}). */
public class CheckpointKeyException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    CheckpointKeyException(String message) {
        super(message);
    }

    CheckpointKeyException(String message, Throwable cause) {
        super(message, cause);
    }
}
