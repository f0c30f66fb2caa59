package org.cityops.sanitation.coverage;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * The road segments, their plans and a spatial index (JTS STRtree) over them: immutable, rebuilt when the ledger or
 * the plans change and swapped into the engine whole.
 */
public final class SegmentNetwork {

    private final Map<Long, RoadSegment> segments = new HashMap<>();
    private final Map<Long, List<PlanRule>> plans;
    private final STRtree index = new STRtree();

    public SegmentNetwork(Collection<RoadSegment> segments, Map<Long, List<PlanRule>> plans) {
        for (RoadSegment s : segments) {
            this.segments.put(s.id(), s);
            index.insert(s.line().getEnvelopeInternal(), s);
        }
        index.build();
        this.plans = Map.copyOf(plans);
    }

    public static SegmentNetwork empty() {
        return new SegmentNetwork(List.of(), Map.of());
    }

    public RoadSegment segment(long id) {
        return segments.get(id);
    }

    public int size() {
        return segments.size();
    }

    public List<PlanRule> plans(long segmentId) {
        return plans.getOrDefault(segmentId, List.of());
    }

    /** Segments whose bounding box lies within {@code radius} metres of {@code c}. */
    @SuppressWarnings("unchecked")
    public List<RoadSegment> near(Coordinate c, double radius) {
        Envelope e = new Envelope(c);
        e.expandBy(radius);
        return index.query(e);
    }
}
