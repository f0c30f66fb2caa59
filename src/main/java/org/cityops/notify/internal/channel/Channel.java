package org.cityops.notify.internal.channel;

import org.cityops.notify.internal.RetryPolicy.Outcome;

/**
 * One way out (短信, 企业微信, 钉钉, 邮件, or the demo's log). {@link #send} never throws: it says whether the message
 * was delivered, may be retried (timeout, 5xx, connection refused) or was refused for good (4xx).
 */
public interface Channel {

    /** SMS, WECOM, DINGTALK, EMAIL or LOG. */
    String code();

    Outcome send(Delivery delivery);

    /**
     * @param address phone number, e-mail address(es, comma-separated) or a robot's webhook target
     * @param secret  the robot's signing secret, if any
     * @param subject a short title (the notice kind's label), for e-mail
     */
    record Delivery(String address, String secret, String subject, String text) {}
}
