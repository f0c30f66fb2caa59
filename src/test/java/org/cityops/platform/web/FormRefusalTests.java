package org.cityops.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.cityops.platform.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.ui.ExtendedModelMap;
import org.springframework.web.servlet.mvc.support.RedirectAttributesModelMap;

class FormRefusalTests {

    private final InvalidInputException refusal = new InvalidInputException("名称必填 name required", "name");

    @Test
    void aRefusedFormGoesBackWithTheMessageTheFieldAndWhatTheUserTyped() {
        RedirectAttributesModelMap flash = new RedirectAttributesModelMap();
        String view = FormRefusal.redirect(flash, refusal, "draft-object", "/streetfront/zones");
        assertThat(view).isEqualTo("redirect:/streetfront/zones");
        assertThat(new java.util.HashMap<String, Object>(flash.getFlashAttributes()))
                .containsEntry(FormRefusal.ERROR, "名称必填 name required")
                .containsEntry(FormRefusal.ERROR_FIELD, "name")
                .containsEntry(FormRefusal.DRAFT, "draft-object");
    }

    @Test
    void anActionWithoutAFormToRefillCarriesTheMessageOnly() {
        RedirectAttributesModelMap flash = new RedirectAttributesModelMap();
        assertThat(FormRefusal.redirect(flash, refusal, "/x")).isEqualTo("redirect:/x");
        assertThat(flash.getFlashAttributes()).containsOnlyKeys(FormRefusal.ERROR);
    }

    @Test
    void aFormRenderedAgainIsA400WithTheMessageAndTheField() {
        MockHttpServletResponse response = new MockHttpServletResponse();
        ExtendedModelMap model = new ExtendedModelMap();
        FormRefusal.reject(response, model, refusal, "name required");
        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(model)
                .containsEntry(FormRefusal.ERROR, "name required")
                .containsEntry(FormRefusal.ERROR_FIELD, "name");
    }
}
