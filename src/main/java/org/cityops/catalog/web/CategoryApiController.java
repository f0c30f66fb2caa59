package org.cityops.catalog.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cityops.catalog.CategoryKind;
import org.cityops.catalog.ProcessStage;
import org.cityops.catalog.TimeLimit;
import org.cityops.catalog.Urgency;
import org.cityops.catalog.internal.CatalogService;
import org.cityops.catalog.internal.Category;
import org.cityops.catalog.internal.CategoryAdmin;
import org.cityops.catalog.internal.CategoryDraft;
import org.cityops.catalog.internal.LimitKey;
import org.cityops.catalog.web.CatalogDtos.CategoryCreate;
import org.cityops.catalog.web.CatalogDtos.CategoryDetail;
import org.cityops.catalog.web.CatalogDtos.CategoryDto;
import org.cityops.catalog.web.CatalogDtos.CategoryUpdate;
import org.cityops.catalog.web.CatalogDtos.LimitDto;
import org.cityops.catalog.web.CatalogDtos.LimitEntry;
import org.cityops.catalog.web.CatalogDtos.LimitsRequest;
import org.cityops.catalog.web.CatalogDtos.Page;
import org.cityops.platform.InvalidInputException;
import org.cityops.platform.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Categories and their time limits: reads for all staff, changes by administrators. */
@RestController
@Validated
@RequestMapping("/api/v1/catalog")
@PreAuthorize(Roles.ALL_STAFF)
class CategoryApiController {

    private final CatalogService catalog;
    private final CategoryAdmin admin;

    CategoryApiController(CatalogService catalog, CategoryAdmin admin) {
        this.catalog = catalog;
        this.admin = admin;
    }

    @GetMapping("/categories")
    Page<CategoryDto> list(
            @RequestParam(required = false) @Size(max = 100) String q,
            @RequestParam(required = false) CategoryKind kind,
            @RequestParam(required = false) @Size(max = 32) String standard,
            @RequestParam(required = false) @Size(max = 16) String major,
            @RequestParam(required = false) Boolean active,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(1000) int size) {
        List<Category> found = catalog.search(new CatalogService.Filter(q, kind, standard, major, active));
        List<CategoryDto> items = found.stream()
                .skip((long) page * size)
                .limit(size)
                .map(CategoryDto::of)
                .toList();
        return new Page<>(items, found.size(), page, size);
    }

    /** Finds a category by qualified code or unique plain code, the way {@code Catalog.resolve} does. */
    @GetMapping("/categories/resolve")
    CategoryDto resolve(@RequestParam @Size(max = 48) String code) {
        return catalog.snapshot()
                .resolve(code)
                .map(CategoryDto::of)
                .orElseThrow(
                        () -> new NotFoundException("未找到唯一的分类 no single category for code '" + code + "'", "code"));
    }

    @GetMapping("/categories/{id}")
    CategoryDetail get(@PathVariable long id) {
        return CategoryDetail.of(catalog.require(id), catalog.snapshot());
    }

    @PostMapping("/categories")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(Roles.ADMIN)
    CategoryDto create(@Valid @RequestBody CategoryCreate body) {
        return CategoryDto.of(admin.create(new CategoryDraft(
                body.standard(),
                body.kind(),
                body.code(),
                body.name(),
                body.majorCode(),
                body.majorName(),
                body.filingCondition(),
                body.closingCondition(),
                body.active())));
    }

    @PutMapping("/categories/{id}")
    @PreAuthorize(Roles.ADMIN)
    CategoryDto update(@PathVariable long id, @Valid @RequestBody CategoryUpdate body) {
        return CategoryDto.of(admin.update(
                id,
                new CategoryDraft(
                        null,
                        null,
                        null,
                        body.name(),
                        body.majorCode(),
                        body.majorName(),
                        body.filingCondition(),
                        body.closingCondition(),
                        body.active()),
                body.version()));
    }

    @PostMapping("/categories/{id}/deactivate")
    @PreAuthorize(Roles.ADMIN)
    CategoryDto deactivate(@PathVariable long id) {
        return CategoryDto.of(admin.setActive(id, false));
    }

    @PostMapping("/categories/{id}/activate")
    @PreAuthorize(Roles.ADMIN)
    CategoryDto activate(@PathVariable long id) {
        return CategoryDto.of(admin.setActive(id, true));
    }

    @GetMapping("/categories/{id}/limits")
    List<LimitDto> limits(@PathVariable long id) {
        return CategoryDetail.of(catalog.require(id), catalog.snapshot()).limits();
    }

    /** Replaces the category's own limits; what the body leaves out falls back to the defaults. */
    @PutMapping("/categories/{id}/limits")
    @PreAuthorize(Roles.ADMIN)
    List<LimitDto> setLimits(@PathVariable long id, @Valid @RequestBody LimitsRequest body) {
        Map<LimitKey, TimeLimit> limits = new HashMap<>();
        for (LimitEntry e : body.limits()) {
            if (limits.put(new LimitKey(e.stage(), e.urgency()), e.toLimit()) != null) {
                throw new InvalidInputException("环节和紧急程度重复 duplicate " + e.stage() + "/" + e.urgency(), "limits");
            }
        }
        admin.setLimits(id, limits);
        return limits(id);
    }

    @GetMapping("/limits/defaults")
    List<LimitDto> defaults() {
        var s = catalog.snapshot();
        return java.util.Arrays.stream(ProcessStage.values())
                .flatMap(stage -> java.util.Arrays.stream(Urgency.values())
                        .map(u -> LimitDto.of(stage, u, s.defaultLimit(stage, u), "DEFAULT")))
                .toList();
    }

    /** Sets some of the catalogue-wide defaults (the others stay). */
    @PutMapping("/limits/defaults")
    @PreAuthorize(Roles.ADMIN)
    List<LimitDto> setDefaults(@Valid @RequestBody LimitsRequest body) {
        Map<LimitKey, TimeLimit> limits = new HashMap<>();
        body.limits().forEach(e -> limits.put(new LimitKey(e.stage(), e.urgency()), e.toLimit()));
        admin.setDefaults(limits);
        return defaults();
    }
}
