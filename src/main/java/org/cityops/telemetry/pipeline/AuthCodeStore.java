package org.cityops.telemetry.pipeline;

import java.util.Optional;

/** Auth codes (鉴权码) issued at registration; they must survive a restart (terminals keep them). */
public interface AuthCodeStore {

    Optional<String> find(String terminal);

    void save(String terminal, String authCode, String plate);
}
