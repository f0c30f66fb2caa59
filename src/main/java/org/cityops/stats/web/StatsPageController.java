package org.cityops.stats.web;

import java.util.Arrays;
import org.cityops.stats.internal.Dimension;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The statistics page {@code /stats}: its charts and table are drawn from the API by stats.js. */
@Controller
class StatsPageController {

    @GetMapping("/stats")
    @PreAuthorize(StatsRoles.READERS)
    String stats(Model model) {
        model.addAttribute(
                "groups",
                Arrays.stream(Dimension.values()).map(Dimension::param).toList());
        return "stats/index";
    }
}
