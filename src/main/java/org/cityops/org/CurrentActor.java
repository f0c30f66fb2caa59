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
 * method runs.
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface CurrentActor {}
