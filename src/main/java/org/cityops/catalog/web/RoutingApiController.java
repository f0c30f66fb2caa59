package org.cityops.catalog.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cityops.catalog.internal.CatalogService;
import org.cityops.catalog.internal.CatalogSnapshot;
import org.cityops.catalog.internal.Category;
import org.cityops.catalog.internal.RoutingAdmin;
import org.cityops.catalog.internal.RoutingRule;
import org.cityops.catalog.web.CatalogDtos.RuleDto;
import org.cityops.catalog.web.CatalogDtos.RuleRequest;
import org.cityops.org.DepartmentView;
import org.cityops.org.OrgDirectory;
import org.cityops.platform.InvalidInputException;
import org.cityops.platform.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Routing rules (派遣规则): category selector × area prefix → department. */
@RestController
@Validated
@RequestMapping("/api/v1/catalog/routing")
@PreAuthorize(Roles.ALL_STAFF)
class RoutingApiController {

    private final CatalogService catalog;
    private final RoutingAdmin admin;
    private final OrgDirectory org;

    RoutingApiController(CatalogService catalog, RoutingAdmin admin, OrgDirectory org) {
        this.catalog = catalog;
        this.admin = admin;
        this.org = org;
    }

    @GetMapping
    List<RuleDto> list() {
        Map<String, String> depts = departmentNames(org);
        return sorted(catalog.snapshot()).stream().map(r -> dto(r, depts)).toList();
    }

    /** Rules in a stable order for lists and exports: by selector, then area. */
    static List<RoutingRule> sorted(CatalogSnapshot s) {
        return s.rules().stream()
                .sorted(java.util.Comparator.comparingInt(RoutingRule::selectorRank)
                        .thenComparing(RoutingRule::selector)
                        .thenComparing(RoutingRule::areaPrefix))
                .toList();
    }

    static Map<String, String> departmentNames(OrgDirectory org) {
        Map<String, String> m = new LinkedHashMap<>();
        for (DepartmentView d : org.departments()) {
            m.put(d.code(), d.name());
        }
        return m;
    }

    RuleDto dto(RoutingRule r, Map<String, String> depts) {
        String area = r.areaPrefix().isEmpty() ? "全市" : org.nameOf(r.areaPrefix());
        return RuleDto.of(r, area, depts.getOrDefault(r.departmentCode(), r.departmentCode()));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(Roles.ADMIN)
    RuleDto create(@Valid @RequestBody RuleRequest body) {
        return dto(
                admin.create(body.selector(), body.areaPrefix(), body.departmentCode(), body.note()),
                departmentNames(org));
    }

    @PutMapping("/{id}")
    @PreAuthorize(Roles.ADMIN)
    RuleDto update(@PathVariable long id, @Valid @RequestBody RuleRequest body) {
        if (body.version() == null) {
            throw new InvalidInputException("缺少版本号 version is required", "version");
        }
        return dto(
                admin.update(
                        id, body.selector(), body.areaPrefix(), body.departmentCode(), body.note(), body.version()),
                departmentNames(org));
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize(Roles.ADMIN)
    void delete(@PathVariable long id) {
        admin.delete(id);
    }

    record Resolution(String category, String area, String departmentCode, String departmentName, RuleDto rule) {}

    /** Which department a category goes to at a place, and by which rule. */
    @GetMapping("/resolve")
    Resolution resolve(
            @RequestParam @Size(max = 48) String category,
            @RequestParam(defaultValue = "") @Size(max = 15) String area) {
        CatalogSnapshot s = catalog.snapshot();
        Category c = s.resolve(category)
                .orElseThrow(() ->
                        new NotFoundException("未找到唯一的分类 no single category for code '" + category + "'", "category"));
        RoutingRule r = s.route(c, area)
                .orElseThrow(() -> new NotFoundException(
                        "没有适用的派遣规则 no routing rule for " + c.qualifiedCode() + " in '" + area + "'", "area"));
        Map<String, String> depts = departmentNames(org);
        return new Resolution(
                c.qualifiedCode(),
                area,
                r.departmentCode(),
                depts.getOrDefault(r.departmentCode(), r.departmentCode()),
                dto(r, depts));
    }
}
