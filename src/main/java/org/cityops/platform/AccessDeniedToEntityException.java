package org.cityops.platform;

/** The caller may not see or change this entity: role or data scope (403). */
public class AccessDeniedToEntityException extends DomainException {

    public AccessDeniedToEntityException(String message) {
        super(message, null);
    }

    public AccessDeniedToEntityException(String message, String field) {
        super(message, field);
    }
}
