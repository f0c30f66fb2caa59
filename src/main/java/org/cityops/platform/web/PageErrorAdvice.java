package org.cityops.platform.web;

import jakarta.servlet.http.HttpServletResponse;
import org.cityops.platform.DomainException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * A domain failure on a server-rendered page shows the error page with the message in the reader's language, never a
 * stack trace.
 */
@ControllerAdvice(annotations = Controller.class)
public class PageErrorAdvice {

    private final ProblemTexts texts;

    public PageErrorAdvice(ProblemTexts texts) {
        this.texts = texts;
    }

    @ExceptionHandler(DomainException.class)
    String domain(DomainException e, Model model, HttpServletResponse response) {
        response.setStatus(ApiProblemHandler.statusOf(e).value());
        model.addAttribute("message", texts.of(e));
        model.addAttribute("field", e.field());
        return "error";
    }
}
