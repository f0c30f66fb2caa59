package org.cityops.streetfront.zone.web;

import org.cityops.streetfront.zone.HonourBoard;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The public 门前三包 红黑榜 (no sign-in): the party's name, the street of its zones, the rating and its 履约率 —
 * nothing a citizen may not see (no phone, contact, credit code or staff note).
 */
@Controller
class PublicZoneBoardController {

    private final HonourBoard board;

    PublicZoneBoardController(HonourBoard board) {
        this.board = board;
    }

    @GetMapping("/public/streetfront/board")
    String page(Model model) {
        model.addAttribute("board", board.board());
        model.addAttribute("periodDays", HonourBoard.PERIOD_DAYS);
        return "streetfront/zone/public-board";
    }

    @GetMapping("/api/v1/public/streetfront/board")
    @ResponseBody
    HonourBoard.Board api() {
        return board.board();
    }
}
