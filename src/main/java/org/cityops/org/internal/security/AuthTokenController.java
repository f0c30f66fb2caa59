package org.cityops.org.internal.security;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
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

    AuthTokenController(AuthenticationConfiguration authConfig, TokenService tokens) {
        this.authConfig = authConfig;
        this.tokens = tokens;
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
        String detail = e instanceof LockedException
                ? "账号已锁定，请稍后再试 account locked after repeated failures"
                : "用户名或密码错误 wrong username or password";
        return ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, detail);
    }
}
