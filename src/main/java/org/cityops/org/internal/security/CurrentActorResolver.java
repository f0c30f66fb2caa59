package org.cityops.org.internal.security;

import java.util.List;
import org.cityops.org.CurrentActor;
import org.cityops.org.StaffMember;
import org.cityops.platform.AccessDeniedToEntityException;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Resolves {@code @CurrentActor StaffMember} controller arguments once per request from the security context (the
 * one place that reads it for an actor); a request without a signed-in staff member is refused
 * ({@code AccessDeniedToEntityException}, answered 403), or gets null where {@code required = false}.
 */
@Configuration(proxyBeanMethods = false)
class CurrentActorResolver implements WebMvcConfigurer, HandlerMethodArgumentResolver {

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
        boolean required = parameter.getParameterAnnotation(CurrentActor.class).required();
        var staff = StaffPrincipals.staff(SecurityContextHolder.getContext().getAuthentication());
        if (required) {
            return staff.orElseThrow(() -> new AccessDeniedToEntityException("需要登录 sign-in required"));
        }
        return staff.orElse(null);
    }
}
