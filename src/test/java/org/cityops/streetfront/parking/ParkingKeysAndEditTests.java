package org.cityops.streetfront.parking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.util.concurrent.atomic.AtomicInteger;
import org.cityops.platform.CreditCode;
import org.cityops.support.Api;
import org.cityops.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Operators' keys revoked and rotated (a revoked key is refused at once, audited), and the parking-area edit (all
 * or nothing, the refused field named, audited, scope kept). Test areas use 天宁's lattice row of
 * {@link ParkingFlowTests} from column 20 on (that class uses columns 0–8).
 */
@IntegrationTest
class ParkingKeysAndEditTests {

    static final AtomicInteger SERIAL = new AtomicInteger();

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    static String line(int col, double lengthDeg) {
        double w = ParkingFlowTests.LON0 + col * 0.00106;
        return "LINESTRING(%s %s, %s %s)".formatted(w, ParkingFlowTests.LAT, w + lengthDeg, ParkingFlowTests.LAT);
    }

    long createArea(String code, int col) throws Exception {
        String body = mvc.perform(post("/api/v1/parking/areas")
                        .header("Authorization", Api.bearer(mvc, "streetfront1"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"code":"%s","name":"编辑前","lineWkt":"%s","capacity":30}""".formatted(code, line(col, 0.0005))))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return ((Number) JsonPath.read(body, "$.id")).longValue();
    }

    ResultActions count(String key, String area, int bikes) throws Exception {
        return mvc.perform(post("/api/v1/parking/counts")
                .header("X-Api-Key", key)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"areaCode\":\"%s\",\"bikes\":%d}".formatted(area, bikes)));
    }

    long audits(String type, String id, String action) {
        return jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE entity_type = :t AND entity_id = :i AND action = :a")
                .param("t", type)
                .param("i", id)
                .param("a", action)
                .query(Long.class)
                .single();
    }

    long operator() throws Exception {
        int n = SERIAL.incrementAndGet();
        String first17 = "91320402MA1K" + String.format("%05d", (int) (System.nanoTime() % 90000) + n);
        String body = mvc.perform(post("/api/v1/parking/operators")
                        .header("Authorization", Api.bearer(mvc, "admin"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"code":"T-OP-%d-%d","name":"测试单车%d","creditCode":"%s","fleetCap":5000}""".formatted(
                                        n, System.nanoTime() % 100000, n, first17 + CreditCode.checkChar(first17))))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return ((Number) JsonPath.read(body, "$.id")).longValue();
    }

    String key(long operator, String path) throws Exception {
        String body = mvc.perform(post("/api/v1/parking/operators/" + operator + path)
                        .header("Authorization", Api.bearer(mvc, "admin")))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return JsonPath.read(body, "$.key");
    }

    MockHttpSession login(String user) throws Exception {
        return (MockHttpSession) mvc.perform(formLogin("/login").user(user).password(Api.DEMO_PASSWORD))
                .andReturn()
                .getRequest()
                .getSession();
    }

    @Test
    void a_revoked_operator_key_is_refused_with_401_at_once_and_the_revocation_is_audited() throws Exception {
        createArea("T-PK-KEY-1", 20);
        long op = operator();
        String first = key(op, "/key");
        String second = key(op, "/key");
        count(first, "T-PK-KEY-1", 3).andExpect(status().isOk());
        count(second, "T-PK-KEY-1", 3).andExpect(status().isOk());
        mvc.perform(post("/api/v1/parking/operators/" + op + "/key/revoke")
                        .header("Authorization", Api.bearer(mvc, "admin")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.keys").value(2));
        count(first, "T-PK-KEY-1", 3).andExpect(status().isUnauthorized());
        count(second, "T-PK-KEY-1", 3).andExpect(status().isUnauthorized());
        assertThat(audits("SF_PARK_OPERATOR", String.valueOf(op), "REVOKE_KEYS"))
                .isEqualTo(1);
    }

    @Test
    void rotating_a_key_revokes_every_old_key_and_the_new_one_works() throws Exception {
        createArea("T-PK-KEY-2", 22);
        long op = operator();
        String old = key(op, "/key");
        String fresh = key(op, "/key/rotate");
        assertThat(fresh).isNotEqualTo(old).startsWith("pk-");
        count(old, "T-PK-KEY-2", 4).andExpect(status().isUnauthorized());
        count(fresh, "T-PK-KEY-2", 4).andExpect(status().isOk());
        assertThat(audits("SF_PARK_OPERATOR", String.valueOf(op), "REVOKE_KEYS"))
                .isEqualTo(1);
        assertThat(audits("SF_PARK_OPERATOR", String.valueOf(op), "ISSUE_KEY")).isEqualTo(2);
    }

    @Test
    void only_an_administrator_revokes_or_rotates_keys_and_the_page_shows_the_new_key_once() throws Exception {
        long op = operator();
        for (String user : new String[] {"streetfront1", "inspector1", "leader1"}) {
            mvc.perform(post("/api/v1/parking/operators/" + op + "/key/revoke")
                            .header("Authorization", Api.bearer(mvc, user)))
                    .andExpect(status().isForbidden());
            mvc.perform(post("/api/v1/parking/operators/" + op + "/key/rotate")
                            .header("Authorization", Api.bearer(mvc, user)))
                    .andExpect(status().isForbidden());
        }
        mvc.perform(post("/streetfront/parking/operators/" + op + "/key/rotate")
                        .session(login("admin"))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attributeExists("newKey"));
        assertThat(jdbc.sql(
                                "SELECT COUNT(*) FROM api_client WHERE name LIKE 'parking-operator:T-OP-%' AND enabled "
                                        + "AND name = (SELECT 'parking-operator:' || code FROM sf_park_operator WHERE id = :id)")
                        .param("id", op)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void an_area_edit_writes_every_field_together_and_is_audited() throws Exception {
        long id = createArea("T-PK-EDIT-1", 24);
        mvc.perform(put("/api/v1/parking/areas/" + id)
                        .header("Authorization", Api.bearer(mvc, "streetfront1"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"name":"编辑后","lineWkt":"%s","depthM":3,"capacity":120}""".formatted(line(24, 0.001))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.code").value("T-PK-EDIT-1"))
                .andExpect(jsonPath("$.name").value("编辑后"))
                .andExpect(jsonPath("$.capacity").value(120))
                .andExpect(jsonPath("$.depthM").value(3.0));
        Double length = jdbc.sql("SELECT length_m FROM sf_park_area WHERE id = :id")
                .param("id", id)
                .query(Double.class)
                .single();
        assertThat(length).isBetween(93.0, 96.0); // 0.001° east at this latitude ≈ 94.6 m, twice the old line
        assertThat(audits("SF_PARK_AREA", String.valueOf(id), "UPDATE")).isEqualTo(1);
    }

    @Test
    void an_area_edit_with_one_bad_field_changes_nothing_and_names_that_field() throws Exception {
        long id = createArea("T-PK-EDIT-2", 26);
        String good = line(26, 0.001);
        String[][] bad = {
            {"{\"name\":\"新名\",\"lineWkt\":\"" + good + "\",\"capacity\":0}", "capacity"},
            {"{\"name\":\"新名\",\"lineWkt\":\"" + good + "\",\"depthM\":40}", "depthM"},
            {"{\"name\":\"新名\",\"lineWkt\":\"LINESTRING(121.47 31.23, 121.471 31.23)\"}", "lineWkt"},
            {"{\"name\":\"新名\",\"lineWkt\":\"LINESTRING(1 2,\"}", "lineWkt"},
            {"{\"name\":\"\",\"lineWkt\":\"" + good + "\"}", "name"}
        };
        for (String[] b : bad) {
            mvc.perform(put("/api/v1/parking/areas/" + id)
                            .header("Authorization", Api.bearer(mvc, "streetfront1"))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(b[0]))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.field").value(b[1]));
        }
        assertThat(jdbc.sql("SELECT name FROM sf_park_area WHERE id = :id")
                        .param("id", id)
                        .query(String.class)
                        .single())
                .isEqualTo("编辑前");
        assertThat(audits("SF_PARK_AREA", String.valueOf(id), "UPDATE")).isZero();
    }

    @Test
    void inspectors_cannot_edit_and_a_district_supervisor_cannot_move_a_line_out_of_the_district() throws Exception {
        long id = createArea("T-PK-EDIT-3", 28);
        mvc.perform(put("/api/v1/parking/areas/" + id)
                        .header("Authorization", Api.bearer(mvc, "inspector1"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"x\",\"lineWkt\":\"" + line(28, 0.001) + "\"}"))
                .andExpect(status().isForbidden());
        // 金坛区's demo grid (31.75 N, 119.54 E): in the city, but not in 天宁
        String jintan = "LINESTRING(119.5405 31.7495, 119.5412 31.7495)";
        mvc.perform(put("/api/v1/parking/areas/" + id)
                        .header("Authorization", Api.bearer(mvc, "streetfront-tianning"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"x\",\"lineWkt\":\"" + jintan + "\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("lineWkt"));
    }

    @Test
    void the_edit_form_keeps_the_typed_values_and_names_the_refused_field() throws Exception {
        long id = createArea("T-PK-EDIT-4", 30);
        MockHttpSession s = login("streetfront1");
        mvc.perform(post("/streetfront/parking/areas/" + id + "/edit")
                        .session(s)
                        .with(csrf())
                        .param("name", "表单改名")
                        .param("lineWkt", line(30, 0.0005))
                        .param("depthM", "很深")
                        .param("capacity", "40"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("errorField", "depthM"))
                .andExpect(flash().attribute("editName", "表单改名"));
        mvc.perform(post("/streetfront/parking/areas/" + id + "/edit")
                        .session(s)
                        .with(csrf())
                        .param("name", "表单改名")
                        .param("lineWkt", line(30, 0.0005))
                        .param("depthM", "2.5")
                        .param("capacity", "40"))
                .andExpect(flash().attribute("edited", true));
        mvc.perform(get("/streetfront/parking/areas/" + id).session(s))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(org.hamcrest.Matchers.containsString("表单改名")));
    }
}
