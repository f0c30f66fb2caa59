/**
 * Shared kernel of cityops: the small set of types every module may use (who is acting, navigation
 * entries, domain exceptions mapped to RFC 9457 problem details, the city's time zone, the web layout).
 * It depends on no other module.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.cityops.platform;
