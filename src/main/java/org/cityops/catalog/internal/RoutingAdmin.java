package org.cityops.catalog.internal;

import java.util.Optional;
import org.cityops.audit.AuditTrail;
import org.cityops.org.OrgDirectory;
import org.cityops.platform.ConflictException;
import org.cityops.platform.InvalidInputException;
import org.cityops.platform.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creating, editing and deleting routing rules (派遣规则); every change audited. */
@Service
public class RoutingAdmin {

    private final CatalogStore store;
    private final CatalogService catalog;
    private final OrgDirectory org;
    private final AuditTrail audit;

    RoutingAdmin(CatalogStore store, CatalogService catalog, OrgDirectory org, AuditTrail audit) {
        this.store = store;
        this.catalog = catalog;
        this.org = org;
        this.audit = audit;
    }

    @Transactional
    public RoutingRule create(String selector, String areaPrefix, String departmentCode, String note) {
        RoutingRule r = validated(0, selector, areaPrefix, departmentCode, note, 0);
        if (find(r.selector(), r.areaPrefix()).isPresent()) {
            throw new ConflictException(
                    "已有相同分类和区域的规则 a rule for " + r.selector() + " in area '" + r.areaPrefix() + "' already exists");
        }
        long id = store.insertRule(r);
        RoutingRule saved = new RoutingRule(id, r.selector(), r.areaPrefix(), r.departmentCode(), r.note(), 0);
        audit.record("CATALOG_ROUTING_RULE", String.valueOf(id), "CREATE", null, saved.summary());
        changed();
        return saved;
    }

    @Transactional
    public RoutingRule update(
            long id, String selector, String areaPrefix, String departmentCode, String note, int expectedVersion) {
        RoutingRule before = require(id);
        RoutingRule after = validated(id, selector, areaPrefix, departmentCode, note, expectedVersion + 1);
        Optional<RoutingRule> clash = find(after.selector(), after.areaPrefix());
        if (clash.isPresent() && clash.get().id() != id) {
            throw new ConflictException("已有相同分类和区域的规则 a rule for " + after.selector() + " in area '"
                    + after.areaPrefix() + "' already exists");
        }
        store.updateRule(after, expectedVersion);
        audit.record("CATALOG_ROUTING_RULE", String.valueOf(id), "UPDATE", before.summary(), after.summary());
        changed();
        return after;
    }

    @Transactional
    public void delete(long id) {
        RoutingRule before = require(id);
        store.deleteRule(id);
        audit.record("CATALOG_ROUTING_RULE", String.valueOf(id), "DELETE", before.summary(), null);
        changed();
    }

    public RoutingRule require(long id) {
        return catalog.snapshot().rules().stream()
                .filter(r -> r.id() == id)
                .findFirst()
                .orElseThrow(() -> new NotFoundException("派遣规则不存在 no routing rule " + id));
    }

    private Optional<RoutingRule> find(String selector, String areaPrefix) {
        return catalog.snapshot().rules().stream()
                .filter(r -> r.selector().equals(selector) && r.areaPrefix().equals(areaPrefix))
                .findFirst();
    }

    RoutingRule validated(
            long id, String selectorInput, String areaInput, String deptInput, String noteInput, int version) {
        String selector = CategoryCodes.normalizeSelector(selectorInput);
        CatalogSnapshot s = catalog.snapshot();
        if (selector.endsWith("*") && !selector.equals("*")) {
            boolean any = s.all().stream().anyMatch(c -> c.majorSelector().equals(selector));
            if (!any) {
                throw new InvalidInputException("没有属于该大类的分类 no category belongs to major " + selector, "selector");
            }
        } else if (!selector.equals("*") && s.byQualifiedCode(selector).isEmpty()) {
            throw new InvalidInputException("分类不存在 no category " + selector, "selector");
        }
        String area = areaInput == null ? "" : areaInput.trim();
        if (!area.isEmpty()) {
            if (!area.matches("\\d{6}|\\d{9}|\\d{12}")) {
                throw new InvalidInputException(
                        "区域须为空（全市）或 6/9/12 位区划代码 area must be empty (whole city) or a " + "6, 9 or 12 digit area code",
                        "areaPrefix");
            }
            if (org.unit(area).isEmpty()) {
                throw new InvalidInputException("区划不存在 no area " + area, "areaPrefix");
            }
        }
        String dept = deptInput == null ? "" : deptInput.trim();
        if (dept.isEmpty() || org.departmentByCode(dept).isEmpty()) {
            throw new InvalidInputException("部门不存在 no department '" + dept + "'", "departmentCode");
        }
        String note = noteInput == null || noteInput.isBlank() ? null : noteInput.trim();
        if (note != null && note.length() > 200) {
            throw new InvalidInputException("备注过长 note longer than 200 characters", "note");
        }
        return new RoutingRule(id, selector, area, dept, note, version);
    }

    private void changed() {
        AfterTransaction.run(catalog::invalidate);
    }
}
