package org.cityops.platform.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The start page after sign-in: the user's navigation as tiles. */
@Controller
class HomeController {

    @GetMapping("/")
    String home() {
        return "home";
    }
}
