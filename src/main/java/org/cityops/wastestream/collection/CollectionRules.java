package org.cityops.wastestream.collection;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cityops.wastestream.ledger.Container;
import org.cityops.wastestream.ledger.Producer;

/**
 * The checks of one pickup, without Spring or SQL: identity (device record id), producer and bin, vehicle,
 * weights (net = gross − tare when both are read; none negative; net not above the vehicle's rated load), time
 * (not in the future), and the flag for a pickup reported farther from its producer than {@code maxDistanceM}.
 */
public final class CollectionRules {

    public record Problem(String field, String message) {}

    /** A pickup that passed every check, with what it resolved to. */
    public record Checked(
            CollectionDraft draft,
            Producer producer,
            Container container,
            WasteVehicle vehicle,
            BigDecimal netKg,
            Double distanceM,
            boolean far) {}

    /** What the rules look up: producers by credit code and by id, bins by tag, vehicles by plate. */
    public record Ledger(
            Map<String, Producer> producersByCredit,
            Map<Long, Producer> producersById,
            Map<String, Container> containersByTag,
            Map<String, WasteVehicle> vehiclesByPlate) {}

    private static final BigDecimal WEIGHT_SLACK_KG = new BigDecimal("0.5");
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(10);

    private final double maxDistanceM;

    public CollectionRules(double maxDistanceM) {
        this.maxDistanceM = maxDistanceM;
    }

    public double maxDistanceM() {
        return maxDistanceM;
    }

    /** The problems of one pickup, each naming its field; empty when {@link #check} will accept it. */
    public List<Problem> problems(CollectionDraft d, Ledger ledger, Instant now) {
        List<Problem> out = new ArrayList<>();
        if (d.deviceRecordId() == null || d.deviceRecordId().isBlank()) {
            out.add(new Problem("deviceRecordId", "设备记录号必填 device record id required"));
        } else if (d.deviceRecordId().trim().length() > 64) {
            out.add(new Problem("deviceRecordId", "设备记录号不超过64字符 device record id at most 64 characters"));
        }
        Producer producer = producerOf(d, ledger, out);
        if (d.containerTag() != null && !d.containerTag().isBlank()) {
            Container c = ledger.containersByTag().get(d.containerTag().trim());
            if (c == null) {
                out.add(new Problem(
                        "containerTag",
                        "收集桶未登记 unknown container " + d.containerTag().trim()));
            } else if (producer != null && c.producerId() != producer.id()) {
                out.add(new Problem("containerTag", "收集桶不属于该产生单位 container belongs to another producer"));
            }
        }
        WasteVehicle vehicle = null;
        if (d.plate() == null || d.plate().isBlank()) {
            out.add(new Problem("plate", "车牌号必填 plate required"));
        } else {
            vehicle = ledger.vehiclesByPlate().get(WasteVehicle.normalizePlate(d.plate()));
            if (vehicle == null) {
                out.add(new Problem(
                        "plate", "车辆未登记 vehicle not registered: " + d.plate().trim()));
            }
        }
        if (d.collectedAt() == null) {
            out.add(new Problem("collectedAt", "收运时间必填 time required"));
        } else if (d.collectedAt().isAfter(now.plus(CLOCK_SKEW))) {
            out.add(new Problem("collectedAt", "收运时间晚于当前时间 time is in the future"));
        }
        weights(d, vehicle, out);
        if ((d.lat() == null) != (d.lon() == null)) {
            out.add(new Problem(d.lat() == null ? "lat" : "lon", "经纬度须同时填写 both lat and lon or neither"));
        }
        return out;
    }

    /** The accepted pickup; call only when {@link #problems} is empty. */
    public Checked check(CollectionDraft d, Ledger ledger) {
        Producer producer = producerOf(d, ledger, new ArrayList<>());
        Container container = d.containerTag() == null || d.containerTag().isBlank()
                ? null
                : ledger.containersByTag().get(d.containerTag().trim());
        WasteVehicle vehicle = ledger.vehiclesByPlate().get(WasteVehicle.normalizePlate(d.plate()));
        Double distance = d.lat() == null ? null : Distance.metres(d.lat(), d.lon(), producer.lat(), producer.lon());
        return new Checked(
                d, producer, container, vehicle, net(d), distance, distance != null && distance > maxDistanceM);
    }

    /** Net weight: as given, else gross − tare. */
    static BigDecimal net(CollectionDraft d) {
        if (d.netKg() != null) {
            return d.netKg();
        }
        return d.grossKg() == null || d.tareKg() == null ? null : d.grossKg().subtract(d.tareKg());
    }

    private static void weights(CollectionDraft d, WasteVehicle vehicle, List<Problem> out) {
        if (negative("grossKg", d.grossKg(), out)
                || negative("tareKg", d.tareKg(), out)
                || negative("netKg", d.netKg(), out)) {
            return;
        }
        BigDecimal net = net(d);
        if (net == null) {
            out.add(new Problem("netKg", "净重必填（或填毛重和皮重）net weight required (or gross and tare)"));
            return;
        }
        if (d.netKg() != null && d.grossKg() != null && d.tareKg() != null) {
            BigDecimal diff =
                    d.grossKg().subtract(d.tareKg()).subtract(d.netKg()).abs();
            if (diff.compareTo(WEIGHT_SLACK_KG) > 0) {
                out.add(new Problem("netKg", "净重不等于毛重减皮重 net is not gross minus tare"));
                return;
            }
        }
        if (net.signum() < 0) {
            out.add(new Problem("tareKg", "皮重大于毛重 tare is above gross"));
        } else if (vehicle != null && net.compareTo(vehicle.ratedLoadKg()) > 0) {
            out.add(new Problem(
                    "netKg",
                    "净重超过车辆核定载质量 " + vehicle.ratedLoadKg().stripTrailingZeros().toPlainString()
                            + " 千克 net weight above the vehicle's rated load"));
        }
    }

    private static boolean negative(String field, BigDecimal v, List<Problem> out) {
        if (v != null && v.signum() < 0) {
            out.add(new Problem(field, "重量不能为负 weight must not be negative"));
            return true;
        }
        return false;
    }

    private static Producer producerOf(CollectionDraft d, Ledger ledger, List<Problem> out) {
        if (d.creditCode() != null && !d.creditCode().isBlank()) {
            Producer p = ledger.producersByCredit().get(d.creditCode().trim().toUpperCase());
            if (p == null) {
                out.add(new Problem(
                        "creditCode",
                        "产生单位未登记 unknown producer " + d.creditCode().trim()));
            }
            return p;
        }
        if (d.containerTag() != null && !d.containerTag().isBlank()) {
            Container c = ledger.containersByTag().get(d.containerTag().trim());
            return c == null ? null : ledger.producersById().get(c.producerId());
        }
        out.add(new Problem("creditCode", "须填写产生单位信用代码或桶号 producer credit code or container tag required"));
        return null;
    }
}
