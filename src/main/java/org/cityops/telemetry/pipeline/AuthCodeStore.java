package org.cityops.telemetry.pipeline;

import java.util.Optional;

/** Auth codes (鉴权码) issued at registration; they must survive a restart (terminals keep them). */
public interface AuthCodeStore {

    Optional<String> find(String terminal);

    /**
     * Stores the code of a terminal that has none.
     *
     * @return false when the terminal already had a code (another connection or node registered it first): the
     *         caller must not hand this code out
     */
    boolean save(String terminal, String authCode, String plate);

    /**
     * Forgets the terminal's code (解绑, a supervisor's release), so that it may register once more.
     *
     * @return false when it had none
     */
    boolean remove(String terminal);
}
