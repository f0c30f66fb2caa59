package org.cityops.wastestream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.cityops.geo.demo.DemoGrids;
import org.cityops.org.StaffMember;
import org.cityops.platform.CityClock;
import org.cityops.platform.DbTime;
import org.cityops.support.Api;
import org.cityops.support.IntegrationTest;
import org.cityops.wastestream.balance.Balances;
import org.cityops.wastestream.balance.Pickup;
import org.cityops.wastestream.balance.ReceiptDraft;
import org.cityops.wastestream.balance.Trip;
import org.cityops.wastestream.balance.TripDetails;
import org.cityops.wastestream.balance.TripRules;
import org.cityops.wastestream.balance.TripStatus;
import org.cityops.wastestream.balance.WeighbridgeReceipt;
import org.cityops.wastestream.collection.CollectionDraft;
import org.cityops.wastestream.collection.Collections;
import org.cityops.wastestream.collection.WasteVehicle;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A month's trips are summed in the database (issue 17 at 1 M pickups); they must be the very trips {@link TripRules}
 * cuts from the pickups one by one: the pickups of the day before the month belong to the first trip, a pickup at
 * the weigh-in instant belongs to that receipt, a receipt without pickups is a trip of none, the pickups after the
 * last weigh-in are the open trip, nothing after the month counts.
 */
@IntegrationTest
class MonthTripsTests {

    static final YearMonth MONTH = YearMonth.of(2021, 3);

    @Autowired
    MockMvc mvc;

    @Autowired
    Collections collections;

    @Autowired
    Balances balances;

    @Autowired
    TripDetails trips;

    @Autowired
    JdbcClient jdbc;

    void send(String path, String json) throws Exception {
        mvc.perform(post(path)
                        .header("Authorization", Api.bearer(mvc, "sanitation1"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json))
                .andExpect(status().isCreated());
    }

    static Instant at(String local) {
        return LocalDateTime.parse(local).atZone(CityClock.ZONE).toInstant();
    }

    @Test
    void the_months_trips_summed_in_the_database_are_the_trips_the_rules_cut_pickup_by_pickup() throws Exception {
        int n = WasteStreamFlowTests.SEQ.incrementAndGet();
        String a = "苏D·U%03d".formatted(n);
        String b = "苏D·V%03d".formatted(n);
        for (String plate : List.of(a, b)) {
            send("/api/v1/wastestream/vehicles", """
                    {"plate":"%s","plateColor":2,"terminal":"13922%06d","ratedLoadKg":3000,"districtCode":"320402"}""".formatted(plate, n * 2 + (plate.equals(a) ? 0 : 1)));
        }
        String credit = WasteStreamFlowTests.code();
        send("/api/v1/wastestream/producers", """
                {"creditCode":"%s","name":"月度趟次餐厅","category":"餐饮","lat":%s,"lon":%s,"collector":"收运公司",
                 "contractFrom":"2020-01-01","contractTo":"2099-12-31"}""".formatted(
                        credit, DemoGrids.TIANNING.lat(), DemoGrids.TIANNING.lon()));
        List<CollectionDraft> pickups = new ArrayList<>();
        String[][] rows = {
            {a, "2021-02-28T19:00", "100"}, // before the last weigh-in of February: that trip, not reported
            {a, "2021-02-28T21:00", "110"}, // after it: the first trip of March
            {a, "2021-03-01T08:00", "120"},
            {a, "2021-03-01T10:00", "130"}, // at the weigh-in instant: still that trip
            {a, "2021-03-31T22:00", "140"}, // after the last weigh-in of March: the open trip
            {a, "2021-03-31T23:00", "150"},
            {a, "2021-04-01T01:00", "160"}, // after the month
            {b, "2021-02-28T23:00", "170"}, // the day before, no receipt at all: not in the open trip of March
            {b, "2021-03-15T09:30", "180.50"},
        };
        for (int i = 0; i < rows.length; i++) {
            pickups.add(new CollectionDraft(
                    "MT-" + n + "-" + i,
                    credit,
                    null,
                    at(rows[i][1]),
                    null,
                    null,
                    new BigDecimal(rows[i][2]),
                    false,
                    rows[i][0],
                    null,
                    null,
                    null,
                    null));
        }
        assertThat(collections.submit(pickups, "API", StaffMember.SYSTEM).accepted())
                .isEqualTo(rows.length);
        List<ReceiptDraft> receipts = List.of(
                receipt("MTR-" + n + "-0", a, "2021-02-28T20:00", "200"),
                receipt("MTR-" + n + "-1", a, "2021-03-01T10:00", "365"),
                receipt("MTR-" + n + "-2", a, "2021-03-01T15:00", "90"), // nothing collected since 10:00
                receipt("MTR-" + n + "-3", a, "2021-04-01T02:00", "160"));
        assertThat(balances.submitReceipts(receipts, StaffMember.SYSTEM).accepted())
                .isEqualTo(4);

        List<Trip> month = trips.month(MONTH, StaffMember.SYSTEM).stream()
                .filter(t -> t.plate().equals(WasteVehicle.normalizePlate(a))
                        || t.plate().equals(WasteVehicle.normalizePlate(b)))
                .toList();

        assertThat(month)
                .extracting(Trip::receiptNo, Trip::pickups, Trip::status)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("MTR-" + n + "-1", 3, TripStatus.BALANCED),
                        org.assertj.core.groups.Tuple.tuple("MTR-" + n + "-2", 0, TripStatus.EXCESS),
                        org.assertj.core.groups.Tuple.tuple(null, 2, TripStatus.OPEN),
                        org.assertj.core.groups.Tuple.tuple(null, 1, TripStatus.OPEN));
        List<Trip> expected = new ArrayList<>();
        for (String plate : List.of(a, b)) {
            expected.addAll(reference(plate));
        }
        assertThat(month)
                .usingRecursiveFieldByFieldElementComparator(
                        org.assertj.core.api.recursive.comparison.RecursiveComparisonConfiguration.builder()
                                .withComparatorForType(BigDecimal::compareTo, BigDecimal.class)
                                .build())
                .containsExactlyElementsOf(expected);
    }

    /** The month's trips of one vehicle as the rules cut them from its pickups and receipts read one by one. */
    List<Trip> reference(String plate) {
        String p = WasteVehicle.normalizePlate(plate);
        Instant start = MONTH.atDay(1).atStartOfDay(CityClock.ZONE).toInstant();
        Instant end = MONTH.plusMonths(1).atDay(1).atStartOfDay(CityClock.ZONE).toInstant();
        Instant lookback = start.minusSeconds(86_400);
        List<Pickup> pickups = jdbc.sql("""
                        SELECT c.collected_at, c.net_kg FROM wst_collection c JOIN wst_vehicle v ON v.id = c.vehicle_id
                        WHERE v.plate = :p AND c.collected_at >= :from AND c.collected_at < :to""")
                .param("p", p)
                .param("from", DbTime.toDb(lookback))
                .param("to", DbTime.toDb(end))
                .query((rs, i) -> new Pickup(
                        0, p, DbTime.fromDb(rs.getObject(1, OffsetDateTime.class)), rs.getBigDecimal(2), 0, false))
                .list();
        List<WeighbridgeReceipt> receipts = jdbc.sql("""
                        SELECT receipt_no, in_at, out_at, gross_kg, tare_kg, net_kg FROM wst_weighbridge
                        WHERE plate = :p AND in_at >= :from AND in_at < :to""")
                .param("p", p)
                .param("from", DbTime.toDb(lookback))
                .param("to", DbTime.toDb(end))
                .query((rs, i) -> new WeighbridgeReceipt(
                        rs.getString(1),
                        p,
                        DbTime.fromDb(rs.getObject(2, OffsetDateTime.class)),
                        DbTime.fromDb(rs.getObject(3, OffsetDateTime.class)),
                        rs.getBigDecimal(4),
                        rs.getBigDecimal(5),
                        rs.getBigDecimal(6)))
                .list();
        return new TripRules(0.10).trips(p, pickups, receipts, start);
    }

    static ReceiptDraft receipt(String no, String plate, String in, String net) {
        Instant t = at(in);
        BigDecimal tare = new BigDecimal("9000");
        BigDecimal kg = new BigDecimal(net);
        return new ReceiptDraft(no, plate, t, t.plusSeconds(300), tare.add(kg), tare, kg);
    }
}
