/**
 * 消息通知: outbound notifications by SMS (any 短信平台 through a configurable HTTP gateway), 企业微信 and 钉钉 group
 * robots, and e-mail, with a delivery log. Other modules (or this module's own triggers) hand a {@link
 * org.cityops.notify.Notice} to {@link org.cityops.notify.Notifications#queue}; it is written to an outbox in the
 * caller's transaction and delivered afterwards with retries, so a notification never fails the work that caused
 * it. See docs/notify.md.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "notify",
        allowedDependencies = {"platform", "audit", "org", "catalog", "cases", "muck", "rectification", "assessment"})
package org.cityops.notify;
