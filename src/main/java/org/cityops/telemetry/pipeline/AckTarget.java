package org.cityops.telemetry.pipeline;

import java.util.List;

/**
 * Who waits for submissions to become durable (a terminal connection, an HTTP request). Called once per
 * written batch with all of its submissions in that batch, on the writer thread: hand work off, don't block.
 */
public interface AckTarget {

    void acknowledge(List<Submission> durable);
}
