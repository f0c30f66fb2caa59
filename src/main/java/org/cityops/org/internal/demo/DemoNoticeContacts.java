package org.cityops.org.internal.demo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cityops.org.DataScope;
import org.cityops.org.DepartmentView;
import org.cityops.org.OrgDirectory;
import org.cityops.org.OrgUnitView;
import org.cityops.org.Role;
import org.cityops.org.internal.UserAccounts;
import org.springframework.context.annotation.Profile;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Who the demo city's notices reach (demo profile only): a 部门负责人 (LEADER account of the department) for every
 * department that has 处置人员 — 市环卫处 and each district's 区城管局, the latter also the 区局负责人 of its district —
 * and a mobile phone on every account a notification trigger names (handlers, heads, {@code leader1},
 * {@code inspector1}, {@code muck1}). The numbers are synthetic (虚拟号码 1380000xxxx, no real subscriber) and
 * masked wherever a page shows them. The desk accounts (admin, operator1, dispatcher1 …) keep no phone, so the
 * demo also shows a 未登记手机号 skip.
 *
 * <p>Applied through the org module's own account service on every demo start, after the city exists: a missing
 * head account is created, a phone recorded only where none is; so a demo database made before these existed gets
 * them too, and nothing an administrator changed is overwritten.
 */
@Component
@Profile("demo")
class DemoNoticeContacts {

    /** A department head the demo adds: account, name, department code, data scope, unit code. */
    record Head(String username, String displayName, String departmentCode, DataScope scope, String unitCode) {}

    static final String CITY = "320400";

    static List<Head> heads() {
        List<Head> heads = new ArrayList<>();
        heads.add(new Head("head-hwc", "市环卫处负责人", "HWC", DataScope.DEPARTMENT, CITY));
        for (DemoOrgSeeder.District d : DemoOrgSeeder.DISTRICTS) {
            heads.add(new Head(
                    "head-" + d.handler(), d.name() + "城管局负责人", "QCGJ-" + d.code(), DataScope.DISTRICT, d.code()));
        }
        return heads;
    }

    /** Synthetic mobile numbers, by account: 1380000 followed by a number of the account's group. */
    static Map<String, String> phones() {
        Map<String, String> phones = new LinkedHashMap<>();
        phones.put("leader1", "13800000101");
        phones.put("inspector1", "13800000102");
        phones.put("muck1", "13800000103");
        phones.put("handler-hwc", "13800000201");
        phones.put("head-hwc", "13800000301");
        int i = 2;
        for (DemoOrgSeeder.District d : DemoOrgSeeder.DISTRICTS) {
            phones.put("handler-" + d.handler(), "138000002%02d".formatted(i));
            phones.put("head-" + d.handler(), "138000003%02d".formatted(i));
            i++;
        }
        return phones;
    }

    private final UserAccounts accounts;
    private final OrgDirectory org;
    private final PasswordEncoder encoder;

    DemoNoticeContacts(UserAccounts accounts, OrgDirectory org, PasswordEncoder encoder) {
        this.accounts = accounts;
        this.org = org;
        this.encoder = encoder;
    }

    /** Creates the missing head accounts and records the missing phones; returns how many of each it added. */
    int[] apply() {
        int created = 0;
        String hash = null;
        for (Head h : heads()) {
            if (accounts.findByUsername(h.username()).isPresent()) {
                continue;
            }
            Long dept = org.departmentByCode(h.departmentCode())
                    .map(DepartmentView::id)
                    .orElse(null);
            Long unit = org.unit(h.unitCode()).map(OrgUnitView::id).orElse(null);
            if (dept == null || unit == null) {
                continue; // not the demo city (an imported org tree): add nobody
            }
            if (hash == null) {
                hash = encoder.encode(DemoSecrets.PASSWORD);
            }
            accounts.create(h.username(), h.displayName(), hash, h.scope(), unit, dept, Set.of(Role.LEADER), null);
            created++;
        }
        int phones = 0;
        for (Map.Entry<String, String> p : phones().entrySet()) {
            phones += accounts.recordPhoneIfNone(p.getKey(), p.getValue());
        }
        return new int[] {created, phones};
    }
}
