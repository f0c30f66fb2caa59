package org.cityops.stats.web;

import org.cityops.org.CurrentActor;
import org.cityops.org.StaffMember;
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

    CommandController() {}

    @GetMapping("/command")
    @PreAuthorize(StatsRoles.WALL)
    String wall(@CurrentActor StaffMember me, Model model) {
        model.addAttribute("me", me);
        return "stats/command";
    }

    @GetMapping("/leader")
    @PreAuthorize(StatsRoles.WALL)
    String leaderHome(@CurrentActor StaffMember me, Model model) {
        model.addAttribute("me", me);
        return "stats/leader";
    }
}
