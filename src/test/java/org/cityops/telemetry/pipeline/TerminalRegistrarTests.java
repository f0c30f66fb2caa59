package org.cityops.telemetry.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.cityops.telemetry.TerminalDirectory;
import org.cityops.telemetry.jt808.Jt808;
import org.cityops.telemetry.jt808.RegisterRequest;
import org.cityops.telemetry.jt808.Registrar.Attempt;
import org.cityops.telemetry.jt808.Registrar.Credentials;
import org.cityops.telemetry.jt808.Registrar.Registration;
import org.junit.jupiter.api.Test;

/** The registration rules without a network or database: results per JT/T 808, and one round trip per batch. */
class TerminalRegistrarTests {

    final AtomicInteger directoryQueries = new AtomicInteger();
    final TerminalDirectory directory = new TerminalDirectory() {
        @Override
        public Optional<KnownTerminal> find(String terminal) {
            directoryQueries.incrementAndGet();
            return terminal.startsWith("139")
                    ? Optional.of(new KnownTerminal(terminal, "苏D" + terminal.substring(6), 2))
                    : Optional.empty();
        }

        @Override
        public Map<String, KnownTerminal> findAll(Collection<String> terminals) {
            directoryQueries.incrementAndGet();
            Map<String, KnownTerminal> m = new java.util.HashMap<>();
            for (String t : terminals) {
                if (t.startsWith("139")) {
                    m.put(t, new KnownTerminal(t, "苏D" + t.substring(6), 2));
                }
            }
            return m;
        }
    };
    final List<List<AuthCodeStore.NewCode>> saves = new ArrayList<>();
    final InMemoryAuthCodes memory = new InMemoryAuthCodes();
    final AuthCodeStore codes = new AuthCodeStore() {
        @Override
        public Optional<String> find(String terminal) {
            return memory.find(terminal);
        }

        @Override
        public boolean save(String terminal, String authCode, String plate) {
            return memory.save(terminal, authCode, plate);
        }

        @Override
        public Set<String> saveAll(List<NewCode> batch) {
            saves.add(batch);
            return AuthCodeStore.super.saveAll(batch);
        }

        @Override
        public boolean remove(String terminal) {
            return memory.remove(terminal);
        }
    };
    final TerminalRegistrar registrar = new TerminalRegistrar(() -> directory, codes, false);

    static Attempt attempt(String terminal, String plate) {
        return new Attempt(terminal, new RegisterRequest(32, 400, "M", "X", "T1", 2, plate));
    }

    @Test
    void aThousandRegistrationsAskTheDirectoryOnceAndStoreTheirCodesInOneBatch() {
        List<Attempt> fleet = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            String t = String.format("1390%07d", i);
            fleet.add(attempt(t, "苏D" + t.substring(6)));
        }
        List<Registration> answers = registrar.register(fleet);
        assertThat(answers)
                .allMatch(r -> r.result() == Jt808.REGISTERED && r.authCode().length() == 16);
        assertThat(answers.stream().map(Registration::authCode).distinct()).hasSize(1000);
        assertThat(directoryQueries).hasValue(1);
        assertThat(saves).hasSize(1).first().asList().hasSize(1000);

        List<Credentials> logins = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            logins.add(new Credentials(fleet.get(i).terminal(), answers.get(i).authCode()));
        }
        assertThat(registrar.authenticate(logins)).containsOnly(true);
        assertThat(directoryQueries).hasValue(2);
    }

    @Test
    void twoRegistrationsOfOneTerminalInOneBatchGetOneCodeAndOneResult3() {
        List<Registration> answers =
                registrar.register(List.of(attempt("13900000001", "苏D00001"), attempt("13900000001", "苏D00001")));
        assertThat(answers)
                .extracting(Registration::result)
                .containsExactly(Jt808.REGISTERED, Jt808.TERMINAL_ALREADY_REGISTERED);
        assertThat(answers.get(1).authCode()).isNull();
    }

    @Test
    void aCodeTheStoreDidNotKeepIsNotHandedOut() {
        memory.save("13900000002", "SOMEONEELSESCODE", null); // stored by another node; this one does not know yet
        AuthCodeStore blind = new AuthCodeStore() {
            @Override
            public Optional<String> find(String terminal) {
                return memory.find(terminal);
            }

            @Override
            public boolean save(String terminal, String authCode, String plate) {
                return memory.save(terminal, authCode, plate);
            }

            @Override
            public boolean knownRegistered(String terminal) {
                return false;
            }

            @Override
            public boolean remove(String terminal) {
                return memory.remove(terminal);
            }
        };
        Registration r = new TerminalRegistrar(() -> directory, blind, false)
                .register(List.of(attempt("13900000002", "苏D00002")))
                .get(0);
        assertThat(r).isEqualTo(new Registration(Jt808.TERMINAL_ALREADY_REGISTERED, null));
    }

    @Test
    void aVinInsteadOfAPlateIsRefusedWithResult2() {
        Registration r =
                registrar.register("13900000003", new RegisterRequest(32, 400, "M", "X", "T1", 0, "LGBH52E0XDY123456"));
        assertThat(r.result()).isEqualTo(Jt808.VEHICLE_NOT_IN_DB);
    }

    @Test
    void aRetiredVehiclesTerminalNoLongerAuthenticates() {
        Registration r =
                registrar.register(List.of(attempt("13900000004", "苏D00004"))).get(0);
        TerminalRegistrar afterRetirement = new TerminalRegistrar(() -> t -> Optional.empty(), codes, false);
        assertThat(afterRetirement.authenticate("13900000004", r.authCode())).isFalse();
        assertThat(registrar.authenticate("13900000004", r.authCode())).isTrue();
    }
}
