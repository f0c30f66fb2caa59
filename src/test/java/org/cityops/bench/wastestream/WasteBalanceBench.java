package org.cityops.bench.wastestream;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.cityops.wastestream.balance.Pickup;
import org.cityops.wastestream.balance.Trip;
import org.cityops.wastestream.balance.TripRules;
import org.cityops.wastestream.balance.WeighbridgeReceipt;
import org.cityops.wastestream.collection.CollectionDraft;
import org.cityops.wastestream.collection.CollectionRules;
import org.cityops.wastestream.collection.WasteVehicle;
import org.cityops.wastestream.ledger.Container;
import org.cityops.wastestream.ledger.Producer;
import org.cityops.wastestream.ledger.ProducerCategory;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The in-memory part of issue 17's performance target, for a month of 1,000,000 pickups (3,617 producers, 120
 * vehicles, two plant visits a vehicle a day): checking every pickup of an import ({@link CollectionRules}: lookups,
 * weights, distance) and cutting and balancing every trip of the month ({@link TripRules}). The database part
 * (reading the month, the batch insert) is not in it. One call = the whole month.
 * Run: java -cp target/test-classes:target/classes:$(cat cp.txt) org.openjdk.jmh.Main WasteBalanceBench
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(1)
public class WasteBalanceBench {

    static final int PICKUPS = 1_000_000;
    static final int PRODUCERS = 3_617;
    static final int VEHICLES = 120;
    static final Instant MONTH = Instant.parse("2026-03-01T00:00:00Z");

    List<CollectionDraft> drafts;
    CollectionRules.Ledger ledger;
    Map<String, List<Pickup>> pickups;
    Map<String, List<WeighbridgeReceipt>> receipts;
    final CollectionRules rules = new CollectionRules(200);
    final TripRules trips = new TripRules(0.10);

    @Setup
    public void setUp() {
        Map<String, Producer> byCredit = new HashMap<>();
        Map<Long, Producer> byId = new HashMap<>();
        Map<String, Container> bins = new HashMap<>();
        for (int i = 0; i < PRODUCERS; i++) {
            Producer p = new Producer(
                    i,
                    "P" + i,
                    "单位" + i,
                    null,
                    null,
                    31.7 + i * 1e-5,
                    119.9 + i * 1e-5,
                    null,
                    "320402",
                    ProducerCategory.RESTAURANT,
                    "餐饮",
                    BigDecimal.TEN,
                    "收运",
                    null,
                    null);
            byCredit.put(p.creditCode(), p);
            byId.put((long) i, p);
            bins.put("B" + i, new Container(i, i, "B" + i, 240));
        }
        Map<String, WasteVehicle> vehicles = new HashMap<>();
        for (int v = 0; v < VEHICLES; v++) {
            vehicles.put(
                    "V" + v,
                    new WasteVehicle(v, "V" + v, 2, "1" + v, new BigDecimal("3000"), null, "320402", "ACTIVE"));
        }
        ledger = new CollectionRules.Ledger(byCredit, byId, bins, vehicles);
        drafts = new ArrayList<>(PICKUPS);
        pickups = new HashMap<>();
        receipts = new HashMap<>();
        int perVehicleDay = PICKUPS / VEHICLES / 30;
        int n = 0;
        for (int day = 0; day < 30; day++) {
            for (int v = 0; v < VEHICLES; v++) {
                BigDecimal[] load = {BigDecimal.ZERO, BigDecimal.ZERO};
                for (int k = 0; k < perVehicleDay; k++, n++) {
                    int p = n % PRODUCERS;
                    Instant at = MONTH.plusSeconds(day * 86_400L + 6 * 3600 + k * 60L);
                    BigDecimal net = BigDecimal.valueOf(40 + n % 80);
                    drafts.add(new CollectionDraft(
                            "D" + n,
                            "P" + p,
                            "B" + p,
                            at,
                            null,
                            null,
                            net,
                            false,
                            "V" + v,
                            null,
                            null,
                            31.7 + p * 1e-5,
                            119.9 + p * 1e-5));
                    pickups.computeIfAbsent("V" + v, x -> new ArrayList<>())
                            .add(new Pickup(n, "V" + v, at, net, p, false));
                    int half = k < perVehicleDay / 2 ? 0 : 1;
                    load[half] = load[half].add(net);
                }
                for (int h = 0; h < 2; h++) {
                    Instant in = MONTH.plusSeconds(day * 86_400L + 6 * 3600 + (h + 1) * (perVehicleDay / 2) * 60L + 30);
                    receipts.computeIfAbsent("V" + v, x -> new ArrayList<>())
                            .add(new WeighbridgeReceipt(
                                    "R" + day + "-" + v + "-" + h,
                                    "V" + v,
                                    in,
                                    in.plusSeconds(300),
                                    load[h].add(new BigDecimal("9000")),
                                    new BigDecimal("9000"),
                                    load[h]));
                }
            }
        }
    }

    /** Checks a month of pickups as an import does; returns how many were accepted. */
    @Benchmark
    public int checkMonth() {
        Instant now = MONTH.plusSeconds(40 * 86_400L);
        int ok = 0;
        for (CollectionDraft d : drafts) {
            if (rules.problems(d, ledger, now).isEmpty()
                    && !rules.check(d, ledger).far()) {
                ok++;
            }
        }
        return ok;
    }

    /** Cuts and balances every trip of the month; returns the number of flagged trips. */
    @Benchmark
    public int balanceMonth() {
        int flagged = 0;
        for (Map.Entry<String, List<Pickup>> e : pickups.entrySet()) {
            for (Trip t : trips.trips(e.getKey(), e.getValue(), receipts.get(e.getKey()), MONTH)) {
                if (t.status().flagged()) {
                    flagged++;
                }
            }
        }
        return flagged;
    }
}
