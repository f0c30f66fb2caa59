package org.cityops.opinion.feed;

/** A feed that cannot be read as a whole (malformed, a DTD, too large, not RSS 2.0 or Atom): nothing of it is taken. */
public class FeedException extends Exception {

    private static final long serialVersionUID = 1L;

    public FeedException(String message) {
        super(message);
    }

    public FeedException(String message, Throwable cause) {
        super(message, cause);
    }
}
