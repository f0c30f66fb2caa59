package org.cityops.bench.wastestream;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.cityops.CityopsApplication;
import org.cityops.org.StaffMember;
import org.cityops.platform.CityClock;
import org.cityops.wastestream.SeedYear;
import org.cityops.wastestream.balance.Balances;
import org.cityops.wastestream.balance.ReceiptDraft;
import org.cityops.wastestream.balance.TripDetails;
import org.cityops.wastestream.collection.CollectionDraft;
import org.cityops.wastestream.collection.Collections;
import org.cityops.wastestream.collection.WasteFleet;
import org.cityops.wastestream.ledger.Producers;
import org.cityops.wastestream.report.MonthlyWasteDocx;
import org.cityops.wastestream.report.WasteMonthlyReports;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Issue 17's database targets for a month of N pickups (default 1,000,000) by 3,617 producers and 120 vehicles:
 * the import through the service path ({@link Collections#submit}, the API's batches of 2,000: checks, one JDBC
 * batch per 1,000 rows), the weighbridge receipts (two plant visits a vehicle a day), then the month's trip
 * balancing ({@link TripDetails#month}) and the monthly report (figures + .docx). The demo profile gives the grid layer
 * the producers are located on (the demo city is seeded too; its few records are in another month). Run with
 * bench/wastestream/run.sh.
 */
public final class WasteMonthBench {

    static final int VEHICLES = 120;
    static final YearMonth MONTH = YearMonth.of(2019, 11);

    public static void main(String[] args) throws Exception {
        int pickups = Integer.getInteger("pickups", 1_000_000);
        boolean csv = !"api".equals(System.getProperty("import", "csv"));
        java.nio.file.Path csvFile = java.nio.file.Files.createTempFile("waste-month", ".csv");
        java.io.BufferedWriter out = java.nio.file.Files.newBufferedWriter(csvFile);
        out.write(String.join(",", Collections.HEADERS));
        out.newLine();
        ConfigurableApplicationContext ctx = new SpringApplication(CityopsApplication.class)
                .run("--spring.profiles.active=demo,test", "--server.port=0", "--logging.level.root=WARN");
        try {
            Producers producers = ctx.getBean(Producers.class);
            WasteFleet fleet = ctx.getBean(WasteFleet.class);
            Collections collections = ctx.getBean(Collections.class);
            Balances balances = ctx.getBean(Balances.class);
            TripDetails trips = ctx.getBean(TripDetails.class);
            WasteMonthlyReports reports = ctx.getBean(WasteMonthlyReports.class);
            StaffMember me = StaffMember.SYSTEM;

            long t0 = System.nanoTime();
            var imported = producers.importXlsx(new ByteArrayInputStream(SeedYear.producersXlsx()), me);
            System.out.printf("producers: %d imported in %.1f s %s%n", imported.imported(), sec(t0), imported.errors());
            for (int v = 0; v < VEHICLES; v++) {
                fleet.register(
                        "苏D·B%04d".formatted(v + 1),
                        2,
                        "1391600%04d".formatted(v + 1),
                        new BigDecimal("8000"),
                        "收运公司",
                        "320402",
                        me);
            }
            int days = MONTH.lengthOfMonth();
            int perVehicleDay = (int) Math.ceil((double) pickups / days / VEHICLES);
            int half = perVehicleDay / 2;
            // pickups: vehicle v on day d makes perVehicleDay stops 06:00…, weighing in at 11:30 and 20:30
            List<CollectionDraft> batch = new ArrayList<>(2000);
            List<ReceiptDraft> receipts = new ArrayList<>();
            long stored = 0;
            long t1 = System.nanoTime();
            long checkedAndStoredNanos = 0;
            int n = 0;
            outer:
            for (int d = 0; d < days; d++) {
                LocalDate day = MONTH.atDay(d + 1);
                Instant six = day.atTime(6, 0).atZone(CityClock.ZONE).toInstant();
                for (int v = 0; v < VEHICLES; v++) {
                    String plate = "苏D·B%04d".formatted(v + 1);
                    BigDecimal morning = BigDecimal.ZERO;
                    BigDecimal evening = BigDecimal.ZERO;
                    for (int k = 0; k < perVehicleDay; k++) {
                        if (n >= pickups) {
                            break outer;
                        }
                        int producer = (v * 31 + k) % SeedYear.PRODUCERS;
                        BigDecimal net = BigDecimal.valueOf(20 + (n % 40));
                        Instant at = six.plusSeconds(k < half ? 60L * k : 19_800L + 60L * (k - half));
                        batch.add(new CollectionDraft(
                                "B-" + n,
                                SeedYear.creditCode(producer),
                                null,
                                at,
                                null,
                                null,
                                net,
                                false,
                                plate,
                                null,
                                null,
                                null,
                                null));
                        if (csv) {
                            out.write("B-" + n + "," + SeedYear.creditCode(producer) + ",,"
                                    + java.time.LocalDateTime.ofInstant(at, CityClock.ZONE)
                                            .format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"))
                                    + ",,," + net + ",否," + plate + ",,,");
                            out.newLine();
                            batch.clear();
                        }
                        if (k < half) {
                            morning = morning.add(net);
                        } else {
                            evening = evening.add(net);
                        }
                        n++;
                        if (batch.size() == 2000) {
                            long s = System.nanoTime();
                            stored += collections.submit(batch, "API", me).accepted();
                            checkedAndStoredNanos += System.nanoTime() - s;
                            batch.clear();
                        }
                    }
                    receipts.add(receipt("WB-%s-%d-1".formatted(day, v), plate, day.atTime(11, 30), morning));
                    receipts.add(receipt("WB-%s-%d-2".formatted(day, v), plate, day.atTime(20, 30), evening));
                }
            }
            out.close();
            if (csv) {
                System.out.printf(
                        "csv: %,d rows, %,d bytes written in %.1f s%n", n, java.nio.file.Files.size(csvFile), sec(t1));
                long s = System.nanoTime();
                try (var in = java.nio.file.Files.newInputStream(csvFile)) {
                    var r = ctx.getBean(org.cityops.wastestream.collection.BulkCollections.class)
                            .importCsv(in, me);
                    stored = r.accepted();
                    System.out.printf(
                            "csv import: %s%n",
                            r.errors().isEmpty()
                                    ? "ok"
                                    : r.errors()
                                            .subList(0, Math.min(5, r.errors().size())));
                }
                checkedAndStoredNanos = System.nanoTime() - s;
                t1 = s;
            }
            java.nio.file.Files.deleteIfExists(csvFile);
            if (!batch.isEmpty()) {
                long s = System.nanoTime();
                stored += collections.submit(batch, "API", me).accepted();
                checkedAndStoredNanos += System.nanoTime() - s;
            }
            double wall = sec(t1);
            System.out.printf(
                    "collections: %,d stored in %.1f s (%.0f rows/s wall; %.0f rows/s in Collections.submit)%n",
                    stored, wall, stored / wall, stored / (checkedAndStoredNanos / 1e9));
            long t2 = System.nanoTime();
            int accepted = 0;
            for (int i = 0; i < receipts.size(); i += 5000) {
                accepted += balances.submitReceipts(receipts.subList(i, Math.min(receipts.size(), i + 5000)), me)
                        .accepted();
            }
            System.out.printf("weighbridge: %,d receipts in %.1f s%n", accepted, sec(t2));
            for (int round = 1; round <= 2; round++) {
                long t3 = System.nanoTime();
                var month = trips.month(MONTH, me);
                System.out.printf(
                        "round %d: trip balancing of the month: %,d trips (%d flagged) in %.2f s%n",
                        round,
                        month.size(),
                        month.stream().filter(t -> t.status().flagged()).count(),
                        sec(t3));
                long t4 = System.nanoTime();
                var report = reports.month(MONTH, me);
                byte[] docx = MonthlyWasteDocx.write(report);
                System.out.printf(
                        "round %d: monthly report (%s t, %,d pickups, %,d bytes .docx) in %.2f s%n",
                        round, report.tonnes(), report.pickups(), docx.length, sec(t4));
            }
        } finally {
            ctx.close();
        }
    }

    static ReceiptDraft receipt(String no, String plate, java.time.LocalDateTime in, BigDecimal net) {
        Instant at = in.atZone(CityClock.ZONE).toInstant();
        BigDecimal tare = new BigDecimal("9000");
        return new ReceiptDraft(no, plate, at, at.plusSeconds(300), tare.add(net), tare, net);
    }

    static double sec(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
