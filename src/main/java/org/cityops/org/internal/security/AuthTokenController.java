package org.cityops.org.internal.security;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.authentication.configuration.AuthenticationConfiguration;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/v1/auth/token}: username and password in, a bearer token out. */
@RestController
@RequestMapping("/api/v1/auth")
class AuthTokenController {

    private final AuthenticationConfiguration authConfig;
    private final TokenService tokens;
    private final MessageSource messages;

    AuthTokenController(AuthenticationConfiguration authConfig, TokenService tokens, MessageSource messages) {
        this.authConfig = authConfig;
        this.tokens = tokens;
        this.messages = messages;
    }

    record TokenRequest(
            @NotBlank @Size(max = 64) String username,
            @NotBlank @Size(max = 200) String password) {}

    record TokenResponse(
            @JsonProperty("access_token") String accessToken,
            @JsonProperty("token_type") String tokenType,
            @JsonProperty("expires_in") long expiresIn) {}

    @PostMapping("/token")
    TokenResponse token(@Valid @RequestBody TokenRequest request) throws Exception {
        AuthenticationManager manager = authConfig.getAuthenticationManager();
        var auth = manager.authenticate(
                UsernamePasswordAuthenticationToken.unauthenticated(request.username(), request.password()));
        TokenService.IssuedToken token = tokens.issue((StaffPrincipal) auth.getPrincipal());
        return new TokenResponse(token.value(), "Bearer", token.expiresInSeconds());
    }

    @ExceptionHandler(AuthenticationException.class)
    ProblemDetail refused(AuthenticationException e) {
        // said in the caller's language (zh by default, en with the language cookie)
        String key = e instanceof LockedException ? "org.auth.locked" : "org.auth.badCredentials";
        String detail = messages.getMessage(key, null, LocaleContextHolder.getLocale());
        return ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, detail);
    }
}
