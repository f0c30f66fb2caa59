package org.cityops.assessment.web;

import java.util.List;
import org.cityops.assessment.internal.Schemes;
import org.cityops.assessment.internal.model.Source;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 考核方案编辑: a new scheme, or a new version of one (its source weights; the scoring rules are carried over).
 * Saving goes through {@code POST /api/v1/assessment/schemes}; periods already open keep the version they pinned.
 */
@Controller
@PreAuthorize("hasAnyRole('ADMIN','ASSESSOR')")
class SchemeEditorPageController {

    private final Schemes schemes;

    SchemeEditorPageController(Schemes schemes) {
        this.schemes = schemes;
    }

    @GetMapping("/assessment/schemes/edit")
    String edit(@RequestParam(required = false) String code, Model model) {
        Schemes.Scheme current = code == null || code.isBlank()
                ? null
                : schemes.latest(code)
                        .orElseThrow(() -> new org.cityops.platform.NotFoundException("考核方案不存在 scheme not found"));
        model.addAttribute("scheme", current);
        model.addAttribute("sources", Source.values());
        model.addAttribute(
                "history",
                current == null
                        ? List.of()
                        : schemes.all().stream()
                                .filter(s -> s.code().equals(current.code()))
                                .toList());
        return "assessment/scheme-edit";
    }
}
