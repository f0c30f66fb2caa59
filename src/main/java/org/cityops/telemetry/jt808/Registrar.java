package org.cityops.telemetry.jt808;

/** Decides registrations (0x0100) and authentications (0x0102). May block briefly (cache what you can). */
public interface Registrar {

    /** @return the 0x8100 result and, when 0, the auth code (鉴权码) */
    Registration register(String terminal, RegisterRequest request);

    boolean authenticate(String terminal, String authCode);

    record Registration(int result, String authCode) {
    }
}
