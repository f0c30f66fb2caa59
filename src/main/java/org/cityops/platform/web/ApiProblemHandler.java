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

    private final ProblemTexts texts;

    public ApiProblemHandler(ProblemTexts texts) {
        this.texts = texts;
    }

    @ExceptionHandler(DomainException.class)
    ProblemDetail domain(DomainException e) {
        return problem(statusOf(e), texts.of(e), e.field());
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

    /**
     * A request body that breaks its Bean Validation constraints: a 400 naming the first field in the order the
     * request declares its fields (the validator reports them in no fixed order), with every broken field in
     * {@code errors}.
     */
    @ExceptionHandler(MethodArgumentNotValidException.class)
    ProblemDetail invalid(MethodArgumentNotValidException e) {
        List<FieldError> fieldErrors = inDeclarationOrder(
                e.getBindingResult().getTarget(), e.getBindingResult().getFieldErrors());
        List<Map<String, String>> errors = fieldErrors.stream()
                .map(fe -> Map.of(
                        "field",
                        fe.getField(),
                        "label",
                        texts.label(fe.getField()),
                        "message",
                        texts.forField(null, String.valueOf(fe.getDefaultMessage()))))
                .toList();
        FieldError first = fieldErrors.isEmpty() ? null : fieldErrors.get(0);
        ProblemDetail pd = problem(
                HttpStatus.BAD_REQUEST,
                first == null
                        ? texts.text("problem.invalid")
                        : texts.forField(first.getField(), String.valueOf(first.getDefaultMessage())),
                first == null ? null : first.getField());
        pd.setProperty("errors", errors);
        return pd;
    }

    /** Field errors sorted by where their (top-level) field is declared in the target's class, then by path. */
    static List<FieldError> inDeclarationOrder(Object target, List<FieldError> errors) {
        List<String> order = new java.util.ArrayList<>();
        if (target != null) {
            Class<?> type = target.getClass();
            if (type.isRecord()) {
                for (var c : type.getRecordComponents()) {
                    order.add(c.getName());
                }
            } else {
                for (var f : type.getDeclaredFields()) {
                    order.add(f.getName());
                }
            }
        }
        java.util.function.ToIntFunction<FieldError> position = fe -> {
            String top = fe.getField().split("[.\\[]", 2)[0];
            int i = order.indexOf(top);
            return i < 0 ? Integer.MAX_VALUE : i;
        };
        return errors.stream()
                .sorted(java.util.Comparator.comparingInt(position).thenComparing(FieldError::getField))
                .toList();
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ProblemDetail invalidParams(HandlerMethodValidationException e) {
        var first = e.getParameterValidationResults().stream().findFirst();
        String field = first.map(r -> r.getMethodParameter().getParameterName()).orElse(null);
        String msg = first.flatMap(r -> r.getResolvableErrors().stream().findFirst())
                .map(err -> String.valueOf(err.getDefaultMessage()))
                .orElse(texts.text("problem.invalidParam"));
        return problem(HttpStatus.BAD_REQUEST, texts.forField(field, msg), field);
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
                first.map(v -> texts.forField(field, v.getMessage())).orElse(texts.text("problem.invalid")),
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
                ? texts.text("problem.invalidJson")
                : texts.text("problem.wrongValue", texts.label(field));
        if (JsonErrors.isUnknownField(e)) {
            detail = texts.text("problem.unknownField", field);
        } else if (field != null && JsonErrors.isBadDate(e)) {
            detail = texts.text("problem.badDate", texts.label(field));
        }
        return problem(HttpStatus.BAD_REQUEST, detail, field);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail mismatch(MethodArgumentTypeMismatchException e) {
        return problem(HttpStatus.BAD_REQUEST, texts.text("problem.wrongParam", texts.label(e.getName())), e.getName());
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ProblemDetail missing(MissingServletRequestParameterException e) {
        return problem(
                HttpStatus.BAD_REQUEST,
                texts.text("problem.missingParam", texts.label(e.getParameterName())),
                e.getParameterName());
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ProblemDetail tooLarge(MaxUploadSizeExceededException e) {
        return problem(HttpStatus.CONTENT_TOO_LARGE, texts.text("problem.uploadTooLarge"), null);
    }

    @ExceptionHandler(MissingServletRequestPartException.class)
    ProblemDetail missingPart(MissingServletRequestPartException e) {
        return problem(
                HttpStatus.BAD_REQUEST,
                texts.text("problem.missingPart", texts.label(e.getRequestPartName())),
                e.getRequestPartName());
    }

    @ExceptionHandler(MultipartException.class)
    ProblemDetail multipart(MultipartException e) {
        return problem(HttpStatus.BAD_REQUEST, texts.text("problem.malformedUpload"), null);
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ProblemDetail mediaType(HttpMediaTypeNotSupportedException e) {
        return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, texts.text("problem.mediaType"), null);
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ProblemDetail method(HttpRequestMethodNotSupportedException e) {
        return problem(HttpStatus.METHOD_NOT_ALLOWED, texts.text("problem.method"), null);
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ProblemDetail noResource(NoResourceFoundException e) {
        return problem(HttpStatus.NOT_FOUND, texts.text("problem.notFound"), null);
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ProblemDetail concurrent(OptimisticLockingFailureException e) {
        return problem(HttpStatus.CONFLICT, texts.text("problem.concurrent"), null);
    }

    @ExceptionHandler({AccessDeniedException.class, AuthorizationDeniedException.class})
    ProblemDetail denied(Exception e) {
        return problem(HttpStatus.FORBIDDEN, texts.text("problem.denied"), null);
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        ProblemDetail tooLarge = bodyTooLarge(e);
        if (tooLarge != null) {
            return tooLarge;
        }
        log.error("Unhandled API failure", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, texts.text("problem.internal"), null);
    }

    /** A read that went past the body limit ({@link RequestSizeLimitFilter}), however it was wrapped: 413. */
    private ProblemDetail bodyTooLarge(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof RequestSizeLimitFilter.BodyTooLargeException) {
                return problem(HttpStatus.CONTENT_TOO_LARGE, texts.text("problem.bodyTooLarge", c.getMessage()), null);
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
