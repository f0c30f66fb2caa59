package org.cityops.telemetry.sim;

import io.netty.channel.EventLoopGroup;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.cityops.telemetry.jt808.GeneralResponse;
import org.cityops.telemetry.jt808.Jt808;
import org.cityops.telemetry.jt808.Jt808Message;
import org.cityops.telemetry.jt808.RegisterResponse;

/** A terminal that waits for the platform's answers (tests and manual checks). */
public final class BlockingTerminal implements AutoCloseable {

    private final TerminalClient client;
    private final List<Jt808Message> received = new ArrayList<>();
    private volatile boolean closed;

    public BlockingTerminal(EventLoopGroup group, String host, int port, String phone, boolean v2019) {
        this.client = new TerminalClient(phone, v2019, new TerminalClient.Listener() {
            @Override
            public void onMessage(TerminalClient c, Jt808Message m) {
                synchronized (received) {
                    received.add(m);
                    received.notifyAll();
                }
            }

            @Override
            public void onClose(TerminalClient c) {
                closed = true;
                synchronized (received) {
                    received.notifyAll();
                }
            }
        });
        client.connect(group, host, port).syncUninterruptibly();
    }

    public TerminalClient client() {
        return client;
    }

    public boolean closedByPlatform() {
        return closed;
    }

    /** Waits for the 0x8001 answering {@code serial}; null on timeout. */
    public GeneralResponse awaitResponse(int serial, Duration timeout) {
        Jt808Message m = await(
                msg -> msg.id() == Jt808.PLATFORM_RESPONSE
                        && GeneralResponse.decode(msg.body()).replySerial() == serial,
                timeout);
        return m == null ? null : GeneralResponse.decode(m.body());
    }

    public RegisterResponse awaitRegistration(int serial, Duration timeout) {
        Jt808Message m = await(
                msg -> msg.id() == Jt808.REGISTER_RESPONSE
                        && RegisterResponse.decode(msg.body()).replySerial() == serial,
                timeout);
        return m == null ? null : RegisterResponse.decode(m.body());
    }

    /** Logs in: registers, then authenticates with the code; returns the code (null when refused). */
    public String login(String plate, Duration timeout) {
        RegisterResponse r = awaitRegistration(client.register(plate), timeout);
        if (r == null || r.result() != Jt808.REGISTERED) {
            return null;
        }
        GeneralResponse a = awaitResponse(client.authenticate(r.authCode()), timeout);
        return a != null && a.result() == Jt808.OK ? r.authCode() : null;
    }

    /**
     * Logs in as a real terminal does: with the code in the book if there is one (registering only when it has
     * none, or when the platform refuses it), keeping a new code in the book; returns the code or null.
     */
    public String login(String plate, AuthCodeBook book, Duration timeout) {
        String terminal = client.terminal();
        String known = book.get(terminal);
        if (known != null) {
            GeneralResponse a = awaitResponse(client.authenticate(known), timeout);
            if (a != null && a.result() == Jt808.OK) {
                return known;
            }
            book.forget(terminal);
        }
        String code = login(plate, timeout);
        if (code != null) {
            book.put(terminal, code);
        }
        return code;
    }

    private Jt808Message await(java.util.function.Predicate<Jt808Message> match, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (received) {
            while (true) {
                for (Iterator<Jt808Message> it = received.iterator(); it.hasNext(); ) {
                    Jt808Message m = it.next();
                    if (match.test(m)) {
                        it.remove();
                        return m;
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0 || closed) {
                    return null;
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(received, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return null;
                }
            }
        }
    }

    @Override
    public void close() {
        client.close();
    }
}
