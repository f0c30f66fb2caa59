package org.cityops.streetfront.zone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.Base64;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.cityops.org.DataScope;
import org.cityops.org.Role;
import org.cityops.org.StaffMember;
import org.cityops.platform.CreditCode;
import org.cityops.platform.NotFoundException;
import org.cityops.support.Api;
import org.cityops.support.IntegrationTest;
import org.cityops.support.OoxmlCheck;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/**
 * 门前三包 on the demo city: zones (bad input, overlaps, import/export, scope), the 责任书 (.docx, signing, 上墙),
 * inspections (履约, repeat failures → one case linked back), the rates, the party page and the public 红黑榜. Test
 * zones lie in 金坛区's demo grids, where the demo has none; each test uses its own cells.
 */
@IntegrationTest
class StreetfrontZoneFlowTests {

    /** 金坛区's demo patch: north-west corner and cell size (geo's DemoGrids). */
    static final double NORTH = 31.75;

    static final double WEST = 119.54;
    static final double DLON = 0.00106;
    static final double DLAT = 0.0009;
    static final AtomicInteger SERIAL = new AtomicInteger();

    static final StaffMember JINTAN_LEADER =
            new StaffMember(0, "leader-jintan", "金坛区领导", Set.of(Role.LEADER), DataScope.DISTRICT, "320413", null, null);
    static final StaffMember TIANNING_LEADER = new StaffMember(
            0, "leader-tianning", "天宁区领导", Set.of(Role.LEADER), DataScope.DISTRICT, "320402", null, null);

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Zones zones;

    @Autowired
    ZoneInspections inspections;

    @Autowired
    ZoneRates rates;

    /** A frontage strip inside 金坛 cell (c, r), from {@code from} to {@code to} of the cell's width. */
    static String strip(int c, int r, double from, double to) {
        double north = NORTH - (r + 0.3) * DLAT;
        double south = NORTH - (r + 0.4) * DLAT;
        double west = WEST + (c + from) * DLON;
        double east = WEST + (c + to) * DLON;
        return String.format(
                Locale.ROOT,
                "POLYGON((%.7f %.7f, %.7f %.7f, %.7f %.7f, %.7f %.7f, %.7f %.7f))",
                west,
                south,
                east,
                south,
                east,
                north,
                west,
                north,
                west,
                south);
    }

    static String credit(int n) {
        String first17 = "91320413MA1T" + String.format("%05d", n);
        return first17 + CreditCode.checkChar(first17);
    }

    static String code() {
        return "T-MQ-" + SERIAL.incrementAndGet() + "-" + System.nanoTime() % 100000;
    }

    static String body(String code, String credit, String polygon, String reason) {
        return """
                {"code":"%s","name":"测试门前","partyName":"测试商店%s","partyCreditCode":"%s","contactName":"李四",
                 "contactPhone":"13912345678","address":"金坛测试路1号","polygon":"%s"%s}""".formatted(
                        code, code, credit, polygon, reason == null ? "" : ",\"overlapReason\":\"" + reason + "\"");
    }

    org.springframework.test.web.servlet.ResultActions create(String body, String user) throws Exception {
        return mvc.perform(post("/api/v1/streetfront/zones")
                .header("Authorization", Api.bearer(mvc, user))
                .contentType(MediaType.APPLICATION_JSON)
                .content(body));
    }

    long createZone(int c, int r, double from, double to, int party) throws Exception {
        String answer = create(body(code(), credit(party), strip(c, r, from, to), null), "admin")
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return ((Number) JsonPath.read(answer, "$.id")).longValue();
    }

    MockHttpSession login(String user) throws Exception {
        return (MockHttpSession) mvc.perform(formLogin("/login").user(user).password(Api.DEMO_PASSWORD))
                .andReturn()
                .getRequest()
                .getSession();
    }

    static byte[] png(boolean ink) throws Exception {
        java.awt.image.BufferedImage img =
                new java.awt.image.BufferedImage(200, 60, java.awt.image.BufferedImage.TYPE_INT_ARGB);
        if (ink) {
            java.awt.Graphics2D g = img.createGraphics();
            g.setColor(java.awt.Color.BLACK);
            g.setStroke(new java.awt.BasicStroke(3));
            g.drawLine(10, 30, 190, 20);
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        javax.imageio.ImageIO.write(img, "png", out);
        return out.toByteArray();
    }

    @Test
    void a_zone_is_placed_in_its_grid_street_and_district_and_keyed_to_its_party() throws Exception {
        create(body(code(), credit(1), strip(1, 1, 0.1, 0.5), null), "admin")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.districtCode").value("320413"))
                .andExpect(jsonPath("$.gridCode").value(org.hamcrest.Matchers.startsWith("320413")))
                .andExpect(jsonPath("$.partyCreditCode").value(credit(1)))
                .andExpect(jsonPath("$.areaM2").value(org.hamcrest.Matchers.closeTo(0.4 * 100.3 * 0.1 * 99.5, 10.0)))
                .andExpect(jsonPath("$.letterState").value("UNSIGNED"));
    }

    @Test
    void a_zone_outside_the_city_with_a_wrong_credit_code_or_a_bad_polygon_is_refused_naming_the_field()
            throws Exception {
        String outside =
                "POLYGON((121.4737 31.2304, 121.4741 31.2304, 121.4741 31.2305, 121.4737 31.2305, 121.4737 31.2304))";
        create(body(code(), credit(2), outside, null), "admin")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("polygon"));
        create(body(code(), "91320413MA1T000020", strip(2, 1, 0.1, 0.5), null), "admin")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("partyCreditCode"));
        create(body(code(), credit(2), "POLYGON((1 2, 3", null), "admin")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("polygon"));
    }

    @Test
    void a_zone_overlapping_another_is_refused_without_a_reason_and_recorded_with_one() throws Exception {
        String first = code();
        create(body(first, credit(3), strip(3, 1, 0.1, 0.5), null), "admin").andExpect(status().isCreated());
        String second = code();
        create(body(second, credit(4), strip(3, 1, 0.3, 0.7), null), "admin")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("overlapReason"))
                .andExpect(jsonPath("$.detail").value(containsString(first)));
        create(body(second, credit(4), strip(3, 1, 0.5, 0.9), null), "admin")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.overlapCodes").doesNotExist());
        create(body(code(), credit(4), strip(3, 1, 0.3, 0.7), "两店共用门前空地，分段负责"), "admin")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.overlapCodes").value(containsString(first)))
                .andExpect(jsonPath("$.overlapReason").value("两店共用门前空地，分段负责"));
    }

    @Test
    void only_administrators_and_leaders_create_zones_and_only_administrators_and_inspectors_inspect()
            throws Exception {
        create(body(code(), credit(5), strip(4, 1, 0.1, 0.5), null), "inspector1")
                .andExpect(status().isForbidden());
        long id = createZone(4, 1, 0.5, 0.9, 5);
        mvc.perform(post("/api/v1/streetfront/zones/" + id + "/inspections")
                        .header("Authorization", Api.bearer(mvc, "leader1"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/streetfront/zones").header("Authorization", Api.bearer(mvc, "operator1")))
                .andExpect(status().isForbidden());
    }

    byte[] sheet(List<List<String>> rows) throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            var s = wb.createSheet("门前三包责任区");
            var h = s.createRow(0);
            for (int i = 0; i < Zones.HEADERS.size(); i++) {
                h.createCell(i).setCellValue(Zones.HEADERS.get(i));
            }
            for (int r = 0; r < rows.size(); r++) {
                var row = s.createRow(r + 1);
                for (int i = 0; i < rows.get(r).size(); i++) {
                    row.createCell(i).setCellValue(rows.get(r).get(i));
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            return out.toByteArray();
        }
    }

    org.springframework.test.web.servlet.ResultActions importSheet(byte[] xlsx) throws Exception {
        return mvc.perform(multipart("/api/v1/streetfront/zones/import")
                .file(new MockMultipartFile("file", "zones.xlsx", "application/octet-stream", xlsx))
                .header("Authorization", Api.bearer(mvc, "admin")));
    }

    @Test
    void the_import_is_all_or_nothing_and_names_each_problem_by_row_and_column() throws Exception {
        String a = code();
        String b = code();
        List<String> good = List.of(a, "导入门前甲", "导入商店甲", credit(6), "", "", "金坛测试路6号", strip(5, 1, 0.1, 0.5), "");
        List<String> badCode =
                List.of(b, "导入门前乙", "导入商店乙", "91320413MA1T000061", "", "", "", strip(5, 1, 0.6, 0.9), "");
        List<String> overlapsA = List.of(b, "导入门前乙", "导入商店乙", credit(7), "", "", "", strip(5, 1, 0.3, 0.7), "");
        importSheet(sheet(List.of(good, badCode)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.created").value(0))
                .andExpect(jsonPath("$.errors[0].row").value(3))
                .andExpect(jsonPath("$.errors[0].column").value("统一社会信用代码"));
        importSheet(sheet(List.of(good, overlapsA)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].row").value(3))
                .andExpect(jsonPath("$.errors[0].column").value("重叠说明"))
                .andExpect(jsonPath("$.errors[0].message").value(containsString(a)));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM sf_zone WHERE code IN (:a, :b)")
                        .param("a", a)
                        .param("b", b)
                        .query(Long.class)
                        .single())
                .as("nothing of a refused file is written")
                .isZero();
        List<String> fixed = List.of(b, "导入门前乙", "导入商店乙", credit(7), "", "", "", strip(5, 1, 0.6, 0.9), "");
        importSheet(sheet(List.of(good, fixed)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.created").value(2));

        byte[] export = mvc.perform(
                        get("/api/v1/streetfront/zones/export").header("Authorization", Api.bearer(mvc, "admin")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(export))) {
            var s = wb.getSheetAt(0);
            assertThat(s.getRow(0).getCell(0).getStringCellValue()).isEqualTo("责任区编号");
            boolean found = false;
            for (var row : s) {
                if (row.getCell(0) != null && a.equals(row.getCell(0).getStringCellValue())) {
                    found = true;
                    assertThat(row.getCell(11).getStringCellValue()).isEqualTo("金坛区");
                }
            }
            assertThat(found).as("the imported zone is exported").isTrue();
        }
    }

    @Test
    void the_letter_is_a_valid_docx_filled_from_the_template() throws Exception {
        long id = createZone(6, 1, 0.1, 0.5, 8);
        byte[] docx = mvc.perform(get("/api/v1/streetfront/zones/" + id + "/letter.docx")
                        .header("Authorization", Api.bearer(mvc, "inspector1")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        assertThat(OoxmlCheck.problems(docx)).isEmpty();
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx));
                XWPFWordExtractor text = new XWPFWordExtractor(doc)) {
            assertThat(text.getText())
                    .contains("市容环卫责任区（门前三包）责任书")
                    .contains(credit(8))
                    .contains("金坛区")
                    .contains("30日内累计3次")
                    .doesNotContain("{{");
        }
    }

    @Test
    void a_letter_is_signed_on_screen_or_by_scan_and_posted_only_once_signed_and_with_a_photo() throws Exception {
        long id = createZone(7, 1, 0.1, 0.5, 9);
        String bearer = Api.bearer(mvc, "inspector1");
        MockMultipartFile photo = new MockMultipartFile("photo", "wall.png", "image/png", png(true));
        mvc.perform(multipart("/api/v1/streetfront/zones/" + id + "/letter/posted")
                        .file(photo)
                        .header("Authorization", bearer))
                .andExpect(status().isConflict());
        String blank = "data:image/png;base64," + Base64.getEncoder().encodeToString(png(false));
        mvc.perform(post("/api/v1/streetfront/zones/" + id + "/letter/signature")
                        .header("Authorization", bearer)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"signerName\":\"张三\",\"signature\":\"" + blank + "\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("signature"));
        String inked = "data:image/png;base64," + Base64.getEncoder().encodeToString(png(true));
        mvc.perform(post("/api/v1/streetfront/zones/" + id + "/letter/signature")
                        .header("Authorization", bearer)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"signerName\":\"张三\",\"signature\":\"" + inked + "\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.letterState").value("SIGNED"))
                .andExpect(jsonPath("$.signMethod").value("ON_SCREEN"))
                .andExpect(jsonPath("$.signerName").value("张三"));
        mvc.perform(multipart("/api/v1/streetfront/zones/" + id + "/letter/posted")
                        .file(new MockMultipartFile("photo", "x.txt", "text/plain", "not a photo".getBytes()))
                        .header("Authorization", bearer))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("photo"));
        mvc.perform(multipart("/api/v1/streetfront/zones/" + id + "/letter/posted")
                        .file(photo)
                        .header("Authorization", bearer))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.letterState").value("POSTED"));

        long other = createZone(7, 1, 0.6, 0.9, 10);
        mvc.perform(multipart("/api/v1/streetfront/zones/" + other + "/letter/scan")
                        .file(new MockMultipartFile("file", "scan.pdf", "application/pdf", "%PDF-1.4\n%…".getBytes()))
                        .param("signerName", "王五")
                        .header("Authorization", bearer))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.signMethod").value("SCAN"));
        mvc.perform(multipart("/api/v1/streetfront/zones/" + other + "/letter/scan")
                        .file(new MockMultipartFile(
                                "file", "scan.exe", "application/pdf", "MZ\u0090\u0000xxxxxx".getBytes()))
                        .header("Authorization", bearer))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("file"));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE entity_type = 'SF_ZONE' AND entity_id = :id "
                                + "AND action IN ('LETTER_SIGNED', 'LETTER_POSTED')")
                        .param("id", String.valueOf(id))
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
    }

    Map<ZoneItem, ItemResult> failing(ZoneItem item) {
        Map<ZoneItem, ItemResult> m = new EnumMap<>(ZoneItem.class);
        m.put(item, ItemResult.FAIL);
        return m;
    }

    @Test
    void three_failures_within_thirty_days_open_one_case_linked_back_and_a_fourth_opens_none() throws Exception {
        long id = createZone(8, 1, 0.1, 0.5, 11);
        String bearer = Api.bearer(mvc, "inspector1");
        for (int i = 0; i < 2; i++) {
            mvc.perform(post("/api/v1/streetfront/zones/" + id + "/inspections")
                            .header("Authorization", bearer)
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"order\":\"不合格\",\"note\":\"店外经营\"}"))
                    .andExpect(status().isCreated())
                    .andExpect(jsonPath("$.compliant").value(false))
                    .andExpect(jsonPath("$.caseRequested").value(false));
        }
        String third = mvc.perform(post("/api/v1/streetfront/zones/" + id + "/inspections")
                        .header("Authorization", bearer)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"sanitation\":\"FAIL\"}"))
                .andExpect(jsonPath("$.caseRequested").value(true))
                .andReturn()
                .getResponse()
                .getContentAsString();
        long inspection = ((Number) JsonPath.read(third, "$.id")).longValue();
        await().atMost(Duration.ofSeconds(20))
                .until(
                        () -> jdbc.sql("SELECT case_number FROM sf_zone_inspection WHERE id = :id")
                                .param("id", inspection)
                                .query(String.class)
                                .optional(),
                        n -> n.isPresent());
        assertThat(inspections
                        .record(id, failing(ZoneItem.CITYSCAPE), null, StaffMember.SYSTEM)
                        .caseRequested())
                .isFalse();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM sf_zone_inspection WHERE zone_id = :z AND case_requested")
                        .param("z", id)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        mvc.perform(post("/api/v1/streetfront/zones/" + id + "/inspections")
                        .header("Authorization", bearer)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"cityscape\":\"NA\",\"sanitation\":\"NA\",\"order\":\"NA\",\"greenery\":\"NA\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("items"));
        mvc.perform(post("/api/v1/streetfront/zones/" + id + "/inspections")
                        .header("Authorization", bearer)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"order\":\"maybe\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("order"));
    }

    @Test
    void the_rates_count_signed_posted_and_compliant_per_street_district_and_city_in_the_callers_scope()
            throws Exception {
        ZoneRates.AreaRate before = rates.of(null, JINTAN_LEADER).city();
        long signedPosted = createZone(9, 1, 0.1, 0.5, 12);
        long unsigned = createZone(9, 1, 0.6, 0.9, 13);
        String bearer = Api.bearer(mvc, "inspector1");
        String inked = "data:image/png;base64," + Base64.getEncoder().encodeToString(png(true));
        mvc.perform(post("/api/v1/streetfront/zones/" + signedPosted + "/letter/signature")
                        .header("Authorization", bearer)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"signerName\":\"赵六\",\"signature\":\"" + inked + "\"}"))
                .andExpect(status().isOk());
        mvc.perform(multipart("/api/v1/streetfront/zones/" + signedPosted + "/letter/posted")
                        .file(new MockMultipartFile("photo", "wall.png", "image/png", png(true)))
                        .header("Authorization", bearer))
                .andExpect(status().isOk());
        inspections.record(signedPosted, Map.of(), null, StaffMember.SYSTEM);
        inspections.record(unsigned, failing(ZoneItem.GREENERY), null, StaffMember.SYSTEM);

        ZoneRates.Report report = rates.of(null, JINTAN_LEADER);
        ZoneRates.AreaRate after = report.city();
        assertThat(after.zones() - before.zones()).isEqualTo(2);
        assertThat(after.signed() - before.signed()).isEqualTo(1);
        assertThat(after.posted() - before.posted()).isEqualTo(1);
        assertThat(after.inspections() - before.inspections()).isEqualTo(2);
        assertThat(after.compliant() - before.compliant()).isEqualTo(1);
        assertThat(report.districts()).extracting(ZoneRates.AreaRate::code).containsExactly("320413");
        assertThat(report.streets()).allMatch(s -> s.code().startsWith("320413"));
        assertThat(report.streets().stream()
                        .mapToLong(ZoneRates.AreaRate::zones)
                        .sum())
                .isEqualTo(after.zones());
        assertThat(rates.of(null, TIANNING_LEADER).districts())
                .extracting(ZoneRates.AreaRate::code)
                .containsExactly("320402");

        mvc.perform(get("/api/v1/streetfront/zone-rates").header("Authorization", Api.bearer(mvc, "leader1")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.city.zones").isNumber())
                .andExpect(jsonPath("$.districts[0].signingRate").isNumber());
        mvc.perform(get("/api/v1/streetfront/zone-rates?month=2026-13")
                        .header("Authorization", Api.bearer(mvc, "leader1")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("month"));
    }

    @Test
    void a_district_scoped_reader_sees_only_the_zones_of_its_district() throws Exception {
        long id = createZone(10, 1, 0.1, 0.5, 14);
        assertThat(zones.list(TIANNING_LEADER, null, null, null))
                .isNotEmpty()
                .allMatch(z -> z.districtCode().equals("320402"));
        assertThatThrownBy(() -> zones.get(id, TIANNING_LEADER)).isInstanceOf(NotFoundException.class);
        assertThat(zones.get(id, JINTAN_LEADER).id()).isEqualTo(id);
    }

    @Test
    void a_partys_page_shows_its_sign_its_zone_and_its_cases_together() throws Exception {
        String shop = jdbc.sql("SELECT party_credit_code FROM sf_zone WHERE code = 'MQ-320402-001'")
                .query(String.class)
                .single();
        mvc.perform(get("/api/v1/streetfront/parties/" + shop).header("Authorization", Api.bearer(mvc, "leader1")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("常州市天宁区味道面馆"))
                .andExpect(jsonPath("$.zones[0].code").value("MQ-320402-001"))
                .andExpect(jsonPath("$.facilities[0].code").value("GG-320402-001"));
        mvc.perform(get("/streetfront/parties/" + shop).session(login("inspector1")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("GG-320402-001")))
                .andExpect(content().string(containsString("MQ-320402-001")));
    }

    @Test
    void the_public_board_opens_without_sign_in_and_shows_no_phone_contact_or_credit_code() throws Exception {
        String page = mvc.perform(get("/public/streetfront/board"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("门前三包红黑榜")))
                .andExpect(content().string(containsString("常州市天宁区味道面馆")))
                .andExpect(content().string(containsString("常州市天宁区金鼎大酒店")))
                .andExpect(content().string(not(containsString("1390000"))))
                .andExpect(content().string(not(containsString("店主"))))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).doesNotContainPattern("9[0-9A-Z]{17}");
        mvc.perform(get("/api/v1/public/streetfront/board"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.red[0].partyName").exists())
                .andExpect(jsonPath("$.red[0].contactPhone").doesNotExist())
                .andExpect(jsonPath("$.black[0].rating").value("BLACK"));
    }

    @Test
    void the_phone_inspection_saves_with_untapped_items_as_pass_and_the_pages_show_no_codes() throws Exception {
        long id = createZone(11, 1, 0.1, 0.5, 15);
        MockHttpSession inspector = login("inspector1");
        mvc.perform(get("/streetfront/zones/inspect").session(inspector))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("/streetfront/zones/" + id + "/inspect")));
        mvc.perform(get("/streetfront/zones/" + id + "/inspect").session(inspector))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("环境卫生")))
                .andExpect(content().string(containsString("不涉及")));
        mvc.perform(
                        post("/streetfront/zones/" + id + "/inspections")
                                .session(inspector)
                                .with(org.springframework.security.test.web.servlet.request
                                        .SecurityMockMvcRequestPostProcessors.csrf())
                                .param("order", "FAIL"))
                .andExpect(status().is3xxRedirection());
        List<ZoneInspection> history = inspections.history(id, StaffMember.SYSTEM);
        assertThat(history).hasSize(1);
        assertThat(history.get(0).items())
                .containsEntry(ZoneItem.ORDER, ItemResult.FAIL)
                .containsEntry(ZoneItem.CITYSCAPE, ItemResult.PASS);
        assertThat(history.get(0).compliant()).isFalse();
        mvc.perform(get("/streetfront/zones/" + id).session(inspector))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("未履约")))
                .andExpect(content().string(not(containsString("UNSIGNED"))))
                .andExpect(content().string(not(containsString(">FAIL<"))));
        mvc.perform(get("/streetfront/zones/rates").session(login("leader1")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("签约率")))
                .andExpect(content().string(containsString("金坛区")));
        mvc.perform(get("/streetfront/zones").session(login("admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("已上墙")))
                .andExpect(content().string(not(containsString("POSTED"))));
    }
}
