package org.cityops.org.internal.security;

import java.util.List;
import org.cityops.org.CurrentActor;
import org.cityops.org.CurrentStaff;
import org.cityops.org.StaffMember;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Resolves {@code @CurrentActor StaffMember} controller arguments once per request from the security context; a
 * request without a signed-in staff member is refused ({@code AccessDeniedToEntityException}, answered 403).
 */
@Configuration(proxyBeanMethods = false)
class CurrentActorResolver implements WebMvcConfigurer, HandlerMethodArgumentResolver {

    private final CurrentStaff staff;

    CurrentActorResolver(CurrentStaff staff) {
        this.staff = staff;
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(this);
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.hasParameterAnnotation(CurrentActor.class)
                && StaffMember.class.equals(parameter.getParameterType());
    }

    @Override
    public StaffMember resolveArgument(
            MethodParameter parameter,
            ModelAndViewContainer mavContainer,
            NativeWebRequest webRequest,
            WebDataBinderFactory binderFactory) {
        return staff.require();
    }
}
