package org.cityops.muck.alarm;

import java.util.List;
import org.cityops.muck.engine.TrackPoint;
import org.cityops.muck.engine.TrackerState;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** JSON of evidence positions and of the engine's per-vehicle state (own mapper: lenient, ISO instants). */
@Component
class EvidenceJson {

    private final JsonMapper mapper = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    String points(List<TrackPoint> points) {
        return mapper.writeValueAsString(points == null ? List.of() : points);
    }

    List<TrackPoint> readPoints(String json) {
        return json == null || json.isBlank()
                ? List.of()
                : mapper.readValue(json, new TypeReference<List<TrackPoint>>() {});
    }

    String state(TrackerState s) {
        return mapper.writeValueAsString(s);
    }

    TrackerState readState(String json) {
        return mapper.readValue(json, TrackerState.class);
    }
}
