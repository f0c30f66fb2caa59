package org.cityops.visit.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.cityops.cases.Satisfaction;
import org.cityops.platform.ConflictException;
import org.cityops.platform.InvalidInputException;
import org.cityops.visit.internal.LinkState;
import org.cityops.visit.internal.VisitLinks;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The citizen's 回访 page, public by design (the one-time token in the link is the only key): the case as its
 * reporter may see it and the 满意 / 基本满意 / 不满意 form (with CSRF, like every form). A forged, used or expired
 * link, or a case an operator already visited, gets a clear page and records nothing.
 */
@Controller
class VisitPageController {

    private final VisitLinks links;

    VisitPageController(VisitLinks links) {
        this.links = links;
    }

    @GetMapping("/public/visit/{token}")
    String page(@PathVariable String token, Model model, HttpServletResponse response) {
        VisitLinks.LinkView view = links.view(token);
        return render(token, view.state(), view, model, response);
    }

    @PostMapping("/public/visit/{token}")
    String answer(
            @PathVariable String token,
            @RequestParam(required = false) String satisfaction,
            @RequestParam(required = false) String comment,
            Model model,
            HttpServletResponse response) {
        Satisfaction answer = parse(satisfaction);
        String error = null;
        if (answer == null) {
            error = "visit.error.choose";
        } else if (comment != null && comment.strip().length() > VisitLinks.MAX_COMMENT) {
            error = "visit.error.tooLong";
        }
        if (error != null) {
            VisitLinks.LinkView view = links.view(token);
            if (view.state() == LinkState.OPEN) {
                response.setStatus(HttpStatus.BAD_REQUEST.value());
                model.addAttribute("error", error);
                model.addAttribute("comment", comment);
            }
            return render(token, view.state(), view, model, response);
        }
        LinkState state;
        try {
            state = links.answer(token, answer, comment);
        } catch (ConflictException e) {
            // an operator's 回访 got in between: the whole answer was rolled back
            state = LinkState.CASE_VISITED;
        } catch (InvalidInputException e) {
            state = LinkState.FORGED;
        }
        if (state == LinkState.OPEN) {
            model.addAttribute("thanks", true);
            model.addAttribute("answerLabel", "visit.sat." + answer.name());
            return "public/visit";
        }
        return render(token, state, links.view(token), model, response);
    }

    private static String render(
            String token, LinkState state, VisitLinks.LinkView view, Model model, HttpServletResponse response) {
        model.addAttribute("state", state.name());
        model.addAttribute("token", token);
        if (state == LinkState.OPEN) {
            model.addAttribute("vc", view.visitCase());
            model.addAttribute("expiresAt", view.expiresAt());
            model.addAttribute("choices", List.of(Satisfaction.values()));
            return "public/visit";
        }
        response.setStatus(
                switch (state) {
                    case FORGED -> HttpStatus.NOT_FOUND.value();
                    case USED, EXPIRED -> HttpStatus.GONE.value();
                    default -> HttpStatus.CONFLICT.value();
                });
        if (state == LinkState.USED && view.answer() != null) {
            model.addAttribute("answerLabel", "visit.sat." + view.answer().name());
        }
        return "public/visit";
    }

    private static Satisfaction parse(String value) {
        if (value == null) {
            return null;
        }
        for (Satisfaction s : Satisfaction.values()) {
            if (s.name().equals(value)) {
                return s;
            }
        }
        return null;
    }
}
