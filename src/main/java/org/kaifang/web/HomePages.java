package org.kaifang.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The home page: what Kaifang is, and the way to each of its functions. */
@Controller
class HomePages {

    @GetMapping("/")
    String home() {
        return "web/home";
    }
}
