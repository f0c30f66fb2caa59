package org.cityops.telemetry.pipeline;

import java.util.List;
import org.cityops.telemetry.Position;

/**
 * Positions waiting to be made durable, and whom to tell when they are. {@code replySerial} and
 * {@code replyId} are the JT/T 808 message being answered (unused for HTTP).
 */
public final class Submission {

    private final List<Position> positions;
    private final AckTarget target;
    private final int replySerial;
    private final int replyId;
    private int stored;

    public Submission(List<Position> positions, AckTarget target, int replySerial, int replyId) {
        this.positions = positions;
        this.target = target;
        this.replySerial = replySerial;
        this.replyId = replyId;
    }

    public List<Position> positions() {
        return positions;
    }

    public AckTarget target() {
        return target;
    }

    public int replySerial() {
        return replySerial;
    }

    public int replyId() {
        return replyId;
    }

    /** How many positions were new (the rest were replays already stored). Set before acknowledgement. */
    public int stored() {
        return stored;
    }

    void stored(int n) {
        stored = n;
    }
}
