package org.cityops.platform.web;

import jakarta.validation.ConstraintViolationException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.cityops.platform.AccessDeniedToEntityException;
import org.cityops.platform.ConflictException;
import org.cityops.platform.DomainException;
import org.cityops.platform.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Turns every failure of a JSON API call into an RFC 9457 problem detail. Bad input is a 4xx naming the
 * field; an unexpected failure is a 500 whose body says nothing of the internals (the log has the trace).
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.LOWEST_PRECEDENCE)
public class ApiProblemHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiProblemHandler.class);

    @ExceptionHandler(DomainException.class)
    ProblemDetail domain(DomainException e) {
        return problem(statusOf(e), e.getMessage(), e.field());
    }

    public static HttpStatus statusOf(DomainException e) {
        if (e instanceof NotFoundException) {
            return HttpStatus.NOT_FOUND;
        }
        if (e instanceof ConflictException) {
            return HttpStatus.CONFLICT;
        }
        if (e instanceof AccessDeniedToEntityException) {
            return HttpStatus.FORBIDDEN;
        }
        return HttpStatus.BAD_REQUEST;
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ProblemDetail invalid(MethodArgumentNotValidException e) {
        List<Map<String, String>> errors = e.getBindingResult().getFieldErrors().stream()
                .map(fe -> Map.of("field", fe.getField(), "message", String.valueOf(fe.getDefaultMessage())))
                .toList();
        FieldError first = e.getBindingResult().getFieldError();
        ProblemDetail pd = problem(
                HttpStatus.BAD_REQUEST,
                first == null ? "请求数据不合法 invalid request" : first.getField() + ": " + first.getDefaultMessage(),
                first == null ? null : first.getField());
        pd.setProperty("errors", errors);
        return pd;
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ProblemDetail invalidParams(HandlerMethodValidationException e) {
        var first = e.getParameterValidationResults().stream().findFirst();
        String field = first.map(r -> r.getMethodParameter().getParameterName()).orElse(null);
        String msg = first.flatMap(r -> r.getResolvableErrors().stream().findFirst())
                .map(err -> String.valueOf(err.getDefaultMessage()))
                .orElse("invalid parameter");
        return problem(HttpStatus.BAD_REQUEST, (field == null ? "" : field + ": ") + msg, field);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ProblemDetail violation(ConstraintViolationException e) {
        var first = e.getConstraintViolations().stream().findFirst();
        String field = first.map(v -> {
                    String p = v.getPropertyPath().toString();
                    return p.contains(".") ? p.substring(p.lastIndexOf('.') + 1) : p;
                })
                .orElse(null);
        return problem(
                HttpStatus.BAD_REQUEST,
                first.map(v -> field + ": " + v.getMessage()).orElse("invalid"),
                field);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException e) {
        ProblemDetail tooLarge = bodyTooLarge(e);
        if (tooLarge != null) {
            return tooLarge;
        }
        String field = JsonErrors.fieldOf(e);
        String detail = field == null
                ? "请求体不是合法的 JSON request body is not valid JSON"
                : "字段取值或类型不正确 wrong value or type for field '" + field + "'";
        if (JsonErrors.isUnknownField(e)) {
            detail = "未知字段 unknown field '" + field + "'";
        } else if (field != null && JsonErrors.isBadDate(e)) {
            detail = "应为日期 yyyy-MM-dd，如 2026-12-31 field '" + field + "' must be a date yyyy-MM-dd";
        }
        return problem(HttpStatus.BAD_REQUEST, detail, field);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail mismatch(MethodArgumentTypeMismatchException e) {
        return problem(HttpStatus.BAD_REQUEST, "参数类型不正确 wrong type for parameter '" + e.getName() + "'", e.getName());
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ProblemDetail missing(MissingServletRequestParameterException e) {
        return problem(
                HttpStatus.BAD_REQUEST, "缺少参数 missing parameter '" + e.getParameterName() + "'", e.getParameterName());
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ProblemDetail tooLarge(MaxUploadSizeExceededException e) {
        return problem(HttpStatus.CONTENT_TOO_LARGE, "上传内容过大 upload too large", null);
    }

    @ExceptionHandler(MissingServletRequestPartException.class)
    ProblemDetail missingPart(MissingServletRequestPartException e) {
        return problem(
                HttpStatus.BAD_REQUEST, "缺少上传文件 missing part '" + e.getRequestPartName() + "'", e.getRequestPartName());
    }

    @ExceptionHandler(MultipartException.class)
    ProblemDetail multipart(MultipartException e) {
        return problem(HttpStatus.BAD_REQUEST, "上传内容不合法 malformed upload", null);
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ProblemDetail mediaType(HttpMediaTypeNotSupportedException e) {
        return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "不支持的内容类型 unsupported content type", null);
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ProblemDetail method(HttpRequestMethodNotSupportedException e) {
        return problem(HttpStatus.METHOD_NOT_ALLOWED, "不支持的请求方法 method not allowed", null);
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ProblemDetail noResource(NoResourceFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "不存在 not found", null);
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ProblemDetail concurrent(OptimisticLockingFailureException e) {
        return problem(HttpStatus.CONFLICT, "数据已被他人修改，请刷新后重试 changed concurrently, reload and retry", null);
    }

    @ExceptionHandler({AccessDeniedException.class, AuthorizationDeniedException.class})
    ProblemDetail denied(Exception e) {
        return problem(HttpStatus.FORBIDDEN, "无权执行此操作 not allowed for your role or scope", null);
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        ProblemDetail tooLarge = bodyTooLarge(e);
        if (tooLarge != null) {
            return tooLarge;
        }
        log.error("Unhandled API failure", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "服务器内部错误 internal error", null);
    }

    /** A read that went past the body limit ({@link RequestSizeLimitFilter}), however it was wrapped: 413. */
    private static ProblemDetail bodyTooLarge(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof RequestSizeLimitFilter.BodyTooLargeException) {
                return problem(HttpStatus.CONTENT_TOO_LARGE, "请求体过大 " + c.getMessage(), null);
            }
        }
        return null;
    }

    public static ProblemDetail problem(HttpStatus status, String detail, String field) {
        ProblemDetail pd = ProblemDetail.forStatusAndDetail(status, detail);
        pd.setType(URI.create("https://cityops.org/problems/" + status.value()));
        if (field != null) {
            pd.setProperty("field", field);
        }
        return pd;
    }
}
