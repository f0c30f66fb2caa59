package org.cityops.org.internal.demo;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cityops.org.DataScope;
import org.cityops.org.Role;
import org.cityops.org.internal.UserAccounts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo city (demo profile only): Changzhou (常州市) with the seven jurisdictions the seed report names,
 * their streets and communities (names plausible, codes synthetic below the district level; 常州经开区 has no
 * GB/T 2260 code and gets 320491), the departments the report names, and one account per role, all with the
 * password {@code cityops-demo}. Runs once: it does nothing when the city already exists.
 */
@Component
@Profile("demo")
@Order(10)
class DemoOrgSeeder implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoOrgSeeder.class);
    static final String PASSWORD = DemoSecrets.PASSWORD;

    /** district code, name, handler suffix, streets (each: name, communities) */
    record District(String code, String name, String handler, List<Street> streets) {}

    record Street(String name, List<String> communities) {}

    static final List<District> DISTRICTS = List.of(
            new District(
                    "320402",
                    "天宁区",
                    "tianning",
                    List.of(
                            new Street("雕庄街道", List.of("丽华新村社区", "雕庄社区")),
                            new Street("青龙街道", List.of("青龙社区", "龙锦社区")),
                            new Street("红梅街道", List.of("红梅新村社区", "东青社区")),
                            new Street("天宁街道", List.of("舣舟社区", "东门社区")))),
            new District(
                    "320404",
                    "钟楼区",
                    "zhonglou",
                    List.of(
                            new Street("南大街街道", List.of("南大街社区", "迎春社区")),
                            new Street("荷花池街道", List.of("荷花池社区", "广化社区")),
                            new Street("五星街道", List.of("五星社区", "新闸社区")),
                            new Street("永红街道", List.of("永红社区", "清潭社区")))),
            new District(
                    "320411",
                    "新北区",
                    "xinbei",
                    List.of(
                            new Street("河海街道", List.of("河海社区", "新桥社区")),
                            new Street("三井街道", List.of("三井社区", "太湖社区")),
                            new Street("龙虎塘街道", List.of("龙虎塘社区", "春江社区")))),
            new District(
                    "320412",
                    "武进区",
                    "wujin",
                    List.of(
                            new Street("湖塘镇", List.of("湖塘社区", "花园社区")),
                            new Street("牛塘镇", List.of("牛塘社区", "卢家巷社区")),
                            new Street("南夏墅街道", List.of("南夏墅社区", "大学城社区")))),
            new District(
                    "320413",
                    "金坛区",
                    "jintan",
                    List.of(new Street("金城镇", List.of("金城社区", "南洲社区")), new Street("东城街道", List.of("东城社区", "华城社区")))),
            new District(
                    "320481",
                    "溧阳市",
                    "liyang",
                    List.of(new Street("溧城街道", List.of("溧城社区", "燕山社区")), new Street("昆仑街道", List.of("昆仑社区", "平陵社区")))),
            new District(
                    "320491",
                    "常州经开区",
                    "jingkai",
                    List.of(
                            new Street("戚墅堰街道", List.of("戚墅堰社区", "丁堰社区")),
                            new Street("潞城街道", List.of("潞城社区", "五一社区")))));

    /** 专业部门 the seed report names (plus the bureau itself). */
    static final List<String[]> DEPARTMENTS = List.of(
            new String[] {"CGJ", "市城管局", "BUREAU"},
            new String[] {"HWC", "市环卫处", "PROFESSIONAL"},
            new String[] {"ZFZD", "市城管执法支队", "PROFESSIONAL"},
            new String[] {"GYGL", "市公园管理中心", "PROFESSIONAL"},
            new String[] {"YYFZ", "市园艺发展服务中心", "PROFESSIONAL"},
            new String[] {"FQWCL", "市生活废弃物处理中心", "PROFESSIONAL"},
            new String[] {"SZSS", "市市政设施管理处", "PROFESSIONAL"});

    private final JdbcClient jdbc;
    private final UserAccounts accounts;
    private final PasswordEncoder encoder;
    private final DemoNoticeContacts contacts;

    DemoOrgSeeder(JdbcClient jdbc, UserAccounts accounts, PasswordEncoder encoder, DemoNoticeContacts contacts) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.encoder = encoder;
        this.contacts = contacts;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (jdbc.sql("SELECT COUNT(*) FROM org_unit").query(Long.class).single() == 0) {
            createCity();
        }
        int[] added = contacts.apply();
        if (added[0] + added[1] > 0) {
            log.info(
                    "Demo notice contacts: {} department heads created, {} synthetic phones recorded",
                    added[0],
                    added[1]);
        }
    }

    private void createCity() {
        long city = insertUnit("320400", "常州市", "CITY", null);
        Map<String, Long> districtIds = new HashMap<>();
        for (District d : DISTRICTS) {
            long districtId = insertUnit(d.code(), d.name(), "DISTRICT", city);
            districtIds.put(d.code(), districtId);
            int s = 1;
            for (Street street : d.streets()) {
                String streetCode = d.code() + String.format("%03d", s++);
                long streetId = insertUnit(streetCode, street.name(), "STREET", districtId);
                int c = 1;
                for (String community : street.communities()) {
                    insertUnit(streetCode + String.format("%03d", c++), community, "COMMUNITY", streetId);
                }
            }
        }
        Map<String, Long> deptIds = new HashMap<>();
        for (String[] dept : DEPARTMENTS) {
            deptIds.put(dept[0], insertDepartment(dept[0], dept[1], dept[2], city));
        }
        for (District d : DISTRICTS) {
            deptIds.put(
                    d.handler(),
                    insertDepartment(
                            "QCGJ-" + d.code(), d.name() + "城管局", "DISTRICT_BUREAU", districtIds.get(d.code())));
        }
        String hash = encoder.encode(PASSWORD);
        Long bureau = deptIds.get("CGJ");
        user("admin", "系统管理员", hash, DataScope.CITY, city, bureau, Role.ADMIN);
        user("operator1", "受理员一", hash, DataScope.CITY, city, bureau, Role.OPERATOR);
        user("shiftlead1", "值班长一", hash, DataScope.CITY, city, bureau, Role.SHIFT_LEADER);
        user("dispatcher1", "派遣员一", hash, DataScope.CITY, city, bureau, Role.DISPATCHER);
        user("inspector1", "监督员一", hash, DataScope.CITY, city, bureau, Role.INSPECTOR);
        user("assessor1", "考评员一", hash, DataScope.CITY, city, bureau, Role.ASSESSOR);
        user("leader1", "局领导一", hash, DataScope.CITY, city, bureau, Role.LEADER);
        user("rectify1", "整改办一", hash, DataScope.CITY, city, bureau, Role.RECTIFICATION_OFFICE);
        user("muck1", "渣土监管员一", hash, DataScope.CITY, city, bureau, Role.MUCK_SUPERVISOR);
        user("sanitation1", "环卫监管员一", hash, DataScope.CITY, city, deptIds.get("HWC"), Role.SANITATION_SUPERVISOR);
        user("streetfront1", "街面秩序监管员一", hash, DataScope.CITY, city, bureau, Role.STREETFRONT_SUPERVISOR);
        user(
                "streetfront-tianning",
                "天宁区街面秩序监管员",
                hash,
                DataScope.DISTRICT,
                districtIds.get("320402"),
                bureau,
                Role.STREETFRONT_SUPERVISOR);
        user("enforce1", "执法队员一", hash, DataScope.CITY, city, deptIds.get("ZFZD"), Role.ENFORCEMENT_OFFICER);
        user("legal1", "法制审核员一", hash, DataScope.CITY, city, deptIds.get("ZFZD"), Role.LEGAL_REVIEWER);
        user("handler-hwc", "环卫处处置员", hash, DataScope.DEPARTMENT, city, deptIds.get("HWC"), Role.HANDLER);
        for (District d : DISTRICTS) {
            user(
                    "handler-" + d.handler(),
                    d.name() + "处置员",
                    hash,
                    DataScope.DEPARTMENT,
                    districtIds.get(d.code()),
                    deptIds.get(d.handler()),
                    Role.HANDLER);
        }
        log.info(
                "Demo city 常州市 created: {} districts, {} departments, {} accounts (password {})",
                DISTRICTS.size(),
                deptIds.size(),
                accounts.count(),
                PASSWORD);
    }

    private void user(String username, String name, String hash, DataScope scope, Long unit, Long dept, Role role) {
        accounts.create(username, name, hash, scope, unit, dept, Set.of(role), null);
    }

    private long insertUnit(String code, String name, String kind, Long parent) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO org_unit (code, name, kind, parent_id) VALUES (:code, :name, :kind, :parent)")
                .param("code", code)
                .param("name", name)
                .param("kind", kind)
                .param("parent", parent)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    private long insertDepartment(String code, String name, String kind, Long unit) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO department (code, name, kind, org_unit_id) VALUES (:code, :name, :kind, :unit)")
                .param("code", code)
                .param("name", name)
                .param("kind", kind)
                .param("unit", unit)
                .update(keys, "id");
        return keys.getKey().longValue();
    }
}
