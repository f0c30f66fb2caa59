package org.cityops.cases.internal;

import java.util.Optional;
import org.cityops.catalog.Catalog;
import org.cityops.catalog.CategoryView;
import org.cityops.catalog.RouteChoice;
import org.cityops.org.DepartmentView;
import org.cityops.org.OrgDirectory;
import org.cityops.org.OrgUnitView;
import org.cityops.org.StaffMember;
import org.cityops.platform.AccessDeniedToEntityException;
import org.cityops.platform.NotFoundException;
import org.springframework.stereotype.Service;

/**
 * 按派遣规则 before it is confirmed: which department the routing rules (派遣规则) choose for a case, and the rule
 * that matched, in words a dispatcher reads. The same lookup DISPATCH makes without a department (category + the
 * case's grid), so what is shown is what will happen.
 */
@Service
public class DispatchPreviews {

    /**
     * The preview. {@code departmentId} is null when the rule names a department that is not in the org tree;
     * {@code matched} is false when no rule matches (the dispatcher must choose a department).
     *
     * The words are not built here: the web edge says them per locale from these parts (cases.routing.* keys).
     *
     * @param categoryScope what the rule's category side covers (全部类别, one 大类, one category)
     * @param categoryName  the 大类's or the category's own name (catalog data), null for {@link CategoryScope#ALL}
     * @param areaName      the rule's area: the district / street / community name, null for the whole city (全市)
     * @param note          the rule's own note (说明), as the administrator wrote it
     */
    public record Preview(
            boolean matched,
            Long departmentId,
            String departmentCode,
            String departmentName,
            Long ruleId,
            CategoryScope categoryScope,
            String categoryName,
            String areaName,
            String note) {

        static Preview none() {
            return new Preview(false, null, null, null, null, null, null, null, null);
        }
    }

    /** The category side of a routing rule: every category (全部类别), one 大类, or one category. */
    public enum CategoryScope {
        ALL,
        MAJOR,
        CATEGORY
    }

    private final CaseRepository cases;
    private final Catalog catalog;
    private final OrgDirectory org;

    DispatchPreviews(CaseRepository cases, Catalog catalog, OrgDirectory org) {
        this.cases = cases;
        this.catalog = catalog;
        this.org = org;
    }

    /** @throws NotFoundException for an unknown case; AccessDenied outside the caller's data scope */
    public Preview preview(long caseId, StaffMember who) {
        Case c = cases.find(caseId).orElseThrow(() -> new NotFoundException("案卷不存在 no case " + caseId));
        if (!CaseScope.sees(who, c)) {
            throw new AccessDeniedToEntityException("无权访问该案卷 case outside your data scope");
        }
        Optional<CategoryView> category = catalog.category(c.categoryId);
        return catalog.route(c.categoryId, c.gridCode)
                .map(r -> describe(r, category.orElse(null)))
                .orElseGet(Preview::none);
    }

    private Preview describe(RouteChoice r, CategoryView category) {
        Optional<DepartmentView> dept = org.departmentByCode(r.departmentCode());
        return new Preview(
                true,
                dept.map(DepartmentView::id).orElse(null),
                r.departmentCode(),
                dept.map(DepartmentView::name).orElse(r.departmentCode()),
                r.ruleId(),
                scope(r, category),
                categoryName(r, category),
                r.wholeCity()
                        ? null
                        : org.unit(r.areaPrefix()).map(OrgUnitView::name).orElse(r.areaPrefix()),
                r.note());
    }

    static CategoryScope scope(RouteChoice r, CategoryView category) {
        if (r.anyCategory()) {
            return CategoryScope.ALL;
        }
        if (category == null || r.selector().equals(category.qualifiedCode())) {
            return CategoryScope.CATEGORY;
        }
        return CategoryScope.MAJOR;
    }

    static String categoryName(RouteChoice r, CategoryView category) {
        if (r.anyCategory()) {
            return null;
        }
        if (category == null) {
            return r.selector();
        }
        return r.selector().equals(category.qualifiedCode()) ? category.name() : category.majorName();
    }
}
