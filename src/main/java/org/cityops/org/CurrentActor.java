package org.cityops.org;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a controller method's {@link StaffMember} parameter as the signed-in actor: the web edge resolves it once
 * from the security context (form session or bearer token) and the controller passes it into services, which never
 * read the security context themselves. A request without a signed-in staff member is refused (403) before the
 * method runs, unless {@link #required()} is false: then the parameter is null (a page also shown to a machine
 * client or without sign-in, which only decides what to render from it).
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface CurrentActor {

    /** Whether a request without a signed-in staff member is refused (403); false: the parameter is null. */
    boolean required() default true;
}
