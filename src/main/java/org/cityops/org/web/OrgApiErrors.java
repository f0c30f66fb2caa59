package org.cityops.org.web;

import org.cityops.platform.web.ApiProblemHandler;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Two administrators creating the same code at the same instant: the checks both pass and the database's
 * unique key refuses the second. That is a 409 like any other duplicate, not a 500.
 */
@RestControllerAdvice(
        assignableTypes = {OrgApiController.class, UserAdminApiController.class, OrgImportApiController.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class OrgApiErrors {

    @ExceptionHandler(DuplicateKeyException.class)
    ProblemDetail duplicate(DuplicateKeyException e) {
        return ApiProblemHandler.problem(
                HttpStatus.CONFLICT, "编码或用户名已存在（并发创建） code or username already exists (created concurrently)", null);
    }
}
