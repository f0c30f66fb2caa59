package org.cityops.notify.internal.channel;

import org.cityops.notify.internal.RetryPolicy.Outcome;

/** The demo's channel: nothing leaves the machine; the row, with its text, is the record (shown on /admin/notify). */
public final class LogChannel implements Channel {

    @Override
    public String code() {
        return "LOG";
    }

    @Override
    public Outcome send(Delivery delivery) {
        return Outcome.delivered();
    }
}
