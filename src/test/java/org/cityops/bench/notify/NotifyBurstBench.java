package org.cityops.bench.notify;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.cityops.CityopsApplication;
import org.cityops.notify.Notice;
import org.cityops.notify.NoticeKind;
import org.cityops.notify.Notifications;
import org.cityops.notify.Recipient;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue 15's target: 10,000 notices queued by one event burst are delivered to a local receiver within 60 s. The
 * application runs in live mode with its own dispatcher thread (batches of 200, 32 in flight) and its SMS gateway
 * pointed at a JDK HTTP server on this machine; one transaction queues N notices (one SMS each, as a burst of case
 * warnings would), and the clock runs from its commit until the receiver has every message and every row is SENT.
 * Run with bench/notify/run.sh.
 */
public final class NotifyBurstBench {

    public static void main(String[] args) throws Exception {
        int n = Integer.getInteger("notices", 10_000);
        AtomicInteger received = new AtomicInteger();
        HttpServer gateway = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 200);
        gateway.createContext("/sms", ex -> {
            ex.getRequestBody().readAllBytes();
            received.incrementAndGet();
            ex.sendResponseHeaders(200, -1);
            ex.close();
        });
        ExecutorService receiverThreads = Executors.newFixedThreadPool(16);
        gateway.setExecutor(receiverThreads);
        gateway.start();
        ConfigurableApplicationContext ctx = new SpringApplication(CityopsApplication.class)
                .run(
                        "--spring.profiles.active=demo,test",
                        "--server.port=0",
                        "--logging.level.root=WARN",
                        "--cityops.notify.mode=live",
                        "--cityops.notify.dispatcher-enabled=true",
                        "--cityops.notify.sms.url=http://127.0.0.1:"
                                + gateway.getAddress().getPort() + "/sms");
        try {
            Notifications notifications = ctx.getBean(Notifications.class);
            JdbcClient jdbc = ctx.getBean(JdbcClient.class);
            TransactionTemplate tx = new TransactionTemplate(ctx.getBean(PlatformTransactionManager.class));
            String burst = "bench-" + System.currentTimeMillis();
            long t0 = System.nanoTime();
            tx.executeWithoutResult(s -> {
                for (int i = 0; i < n; i++) {
                    notifications.queue(new Notice(
                            burst + ":" + i,
                            NoticeKind.CASE_WARNING,
                            List.of(new Recipient.Phone("138%08d".formatted(i))),
                            Map.of(
                                    "caseNumber", "B-" + i,
                                    "category", "道路破损",
                                    "stage", "处置",
                                    "dueAt", "12-08 17:00"),
                            "cases",
                            "B-" + i));
                }
            });
            double queued = (System.nanoTime() - t0) / 1e9;
            System.out.printf("queued %d notices in one transaction in %.2f s%n", n, queued);
            long t1 = System.nanoTime();
            List<String> progress = new ArrayList<>();
            long sent = 0;
            while ((System.nanoTime() - t1) < 180e9) {
                sent = jdbc.sql("SELECT COUNT(*) FROM notify_outbox WHERE event_id LIKE :b AND status = 'SENT'")
                        .param("b", burst + ":%")
                        .query(Long.class)
                        .single();
                if (sent >= n && received.get() >= n) {
                    break;
                }
                progress.add("%.0f s: %d".formatted((System.nanoTime() - t1) / 1e9, sent));
                Thread.sleep(500);
            }
            double delivered = (System.nanoTime() - t1) / 1e9;
            System.out.printf(
                    "delivered %d (receiver got %d) in %.2f s after commit = %.0f notices/s; target < 60 s%n",
                    sent, received.get(), delivered, sent / delivered);
            System.out.println("progress: " + String.join(", ", progress.subList(0, Math.min(20, progress.size()))));
        } finally {
            ctx.close();
            gateway.stop(0);
            receiverThreads.shutdownNow(); // its threads are not daemons: the JVM would not end (run.sh hung here)
        }
    }
}
