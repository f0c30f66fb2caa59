package org.cityops.platform.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The start page after sign-in (the user's navigation as tiles) and the public home citizens land on. */
@Controller
class HomeController {

    @GetMapping("/")
    String home() {
        return "home";
    }

    /** 市民服务: the public pages' brand link leads here (report, look up, the red and black list). */
    @GetMapping("/public")
    String publicHome() {
        return "public/home";
    }
}
