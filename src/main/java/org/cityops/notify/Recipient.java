package org.cityops.notify;

/** Who a notice goes to. */
public sealed interface Recipient {

    /** A staff account; its channels, contact details and quiet hours come from its preferences. */
    record Staff(String username) implements Recipient {}

    /** A phone number outside the staff (a citizen): SMS only; shown masked everywhere. */
    record Phone(String number) implements Recipient {}

    /** A configured group: a 企业微信 / 钉钉 robot or a mail list, by its configured name. */
    record Group(String name) implements Recipient {}
}
