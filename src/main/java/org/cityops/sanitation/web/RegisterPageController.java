package org.cityops.sanitation.web;

import org.cityops.org.CurrentActor;
import org.cityops.org.StaffMember;
import org.cityops.platform.NotFoundException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The 环卫台账 registers page: road segments, worker posts, shifts (班次), workers (with their device), sanitation
 * vehicles, work plans and collection points, each with a link to its form. Each register's form is its own
 * controller ({@link RegisterPage}: segments, posts, shifts, workers, vehicles, plans, points); a register that does
 * not exist is 404. Only the caller's area (data scope AREA).
 */
@Controller
@PreAuthorize("hasAnyRole('ADMIN','SANITATION_SUPERVISOR')")
class RegisterPageController {

    private final RegisterOverview overview;

    RegisterPageController(RegisterOverview overview) {
        this.overview = overview;
    }

    @GetMapping("/sanitation/registers")
    String list(@CurrentActor StaffMember me, Model model) {
        return overview.show(me, model);
    }

    /** The form of a register other than the seven (their own controllers map theirs). */
    @GetMapping({"/sanitation/registers/{kind}/new", "/sanitation/registers/{kind}/{id}/edit"})
    String noSuchForm() {
        throw new NotFoundException("页面不存在 not found");
    }

    /** A save to a register other than the seven. */
    @PostMapping("/sanitation/registers/{kind}/save")
    String noSuchSave() {
        throw new NotFoundException("页面不存在 not found");
    }
}
