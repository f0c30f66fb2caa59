package org.cityops.catalog.web;

import java.util.List;
import org.cityops.catalog.internal.picker.PickerSettings;
import org.cityops.org.CurrentActor;
import org.cityops.org.StaffMember;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The category picker's search (by name, code or pinyin initials; most used first; grouped by 大类) for staff and
 * for the public report form, and the city's code-set setting.
 */
@RestController
class CategoryPickerController {

    private final CategoryPickerView view;
    private final PickerSettings settings;

    CategoryPickerController(CategoryPickerView view, PickerSettings settings) {
        this.view = view;
        this.settings = settings;
    }

    @GetMapping("/api/v1/catalog/picker")
    @PreAuthorize(Roles.ALL_STAFF)
    CategoryPickerView.Answer search(
            @CurrentActor(required = false) StaffMember me,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) Integer limit) {
        return view.search(me, q, false, limit(q, limit));
    }

    /** The same for citizens (no sign-in): "most used" are the citizens' most reported categories. */
    @GetMapping("/api/v1/public/catalog/picker")
    CategoryPickerView.Answer publicSearch(
            @RequestParam(required = false) String q, @RequestParam(required = false) Integer limit) {
        return view.search(null, q, true, limit(q, limit));
    }

    /** Browsing (no query) shows every category; a search at most 60 unless asked for more (at most 500). */
    static int limit(String q, Integer limit) {
        return limit != null ? limit : q == null || q.isBlank() ? CategoryPickerView.MAX : 60;
    }

    record CodeSets(List<String> codeSets, List<String> available, List<String> configured) {}

    record CodeSetsRequest(List<String> codeSets) {}

    @GetMapping("/api/v1/catalog/settings/picker")
    @PreAuthorize(Roles.ALL_STAFF)
    CodeSets codeSets() {
        return new CodeSets(settings.codeSets(), PickerSettings.ALL, settings.configured());
    }

    @PutMapping("/api/v1/catalog/settings/picker")
    @PreAuthorize(Roles.ADMIN)
    CodeSets setCodeSets(@CurrentActor StaffMember me, @RequestBody CodeSetsRequest body) {
        settings.setCodeSets(body == null ? null : body.codeSets(), me.username());
        return codeSets();
    }
}
