package org.cityops.telemetry.jt808;

import java.util.List;

/**
 * Decides registrations (0x0100) and authentications (0x0102), a batch at a time: the gateway hands over every
 * request waiting at that moment, so a fleet registering after a restart costs one database round of lookups and
 * one commit per batch instead of several statements and a commit per terminal. May block (never called on an
 * event loop).
 */
public interface Registrar {

    /** @return one registration per attempt, in the same order */
    List<Registration> register(List<Attempt> attempts);

    /** @return whether each terminal authenticated, in the same order */
    List<Boolean> authenticate(List<Credentials> credentials);

    default Registration register(String terminal, RegisterRequest request) {
        return register(List.of(new Attempt(terminal, request))).get(0);
    }

    default boolean authenticate(String terminal, String authCode) {
        return authenticate(List.of(new Credentials(terminal, authCode))).get(0);
    }

    record Attempt(String terminal, RegisterRequest request) {}

    record Credentials(String terminal, String authCode) {}

    /** The 0x8100 result and, when 0, the auth code (鉴权码). */
    record Registration(int result, String authCode) {}
}
