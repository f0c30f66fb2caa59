package org.cityops.telemetry.pipeline;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

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
     * {@link #save} for many terminals in one transaction.
     *
     * @return the terminals whose code was stored (the others already had one)
     */
    default Set<String> saveAll(List<NewCode> codes) {
        Set<String> stored = new HashSet<>();
        for (NewCode c : codes) {
            if (save(c.terminal(), c.authCode(), c.plate())) {
                stored.add(c.terminal());
            }
        }
        return stored;
    }

    /**
     * Whether the terminal is known to have a code, without waiting for the database where the store can avoid it
     * (a pre-check; {@link #save} decides for certain).
     */
    default boolean knownRegistered(String terminal) {
        return find(terminal).isPresent();
    }

    record NewCode(String terminal, String authCode, String plate) {}

    /**
     * Forgets the terminal's code (解绑, a supervisor's release), so that it may register once more.
     *
     * @return false when it had none
     */
    boolean remove(String terminal);
}
