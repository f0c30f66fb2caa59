package org.cityops.stats.web;

import org.cityops.org.CurrentStaff;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * 指挥中心大屏 {@code /command} and the leader's home {@code /leader}; their numbers come from {@link
 * CommandApiController}.
 */
@Controller
class CommandController {

    private final CurrentStaff current;

    CommandController(CurrentStaff current) {
        this.current = current;
    }

    @GetMapping("/command")
    @PreAuthorize(StatsRoles.WALL)
    String wall(Model model) {
        model.addAttribute("me", current.require());
        return "stats/command";
    }

    @GetMapping("/leader")
    @PreAuthorize(StatsRoles.WALL)
    String leaderHome(Model model) {
        model.addAttribute("me", current.require());
        return "stats/leader";
    }
}
