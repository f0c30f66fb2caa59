package org.cityops.cases.internal;

import java.util.Map;
import org.cityops.cases.CaseDeadlineAlert;
import org.cityops.cases.CaseEvent;
import org.cityops.cases.CaseReported;
import org.cityops.cases.CaseStepCompleted;
import org.springframework.stereotype.Component;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The case events as stored in the log: the type's simple name and the record as JSON. Reading ignores a property
 * the record no longer has, so an event written by an older release is still delivered after an upgrade.
 */
@Component
class CaseEventJson {

    private static final Map<String, Class<? extends CaseEvent>> TYPES = Map.of(
            "CaseReported", CaseReported.class,
            "CaseStepCompleted", CaseStepCompleted.class,
            "CaseDeadlineAlert", CaseDeadlineAlert.class);

    private final JsonMapper mapper = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    String type(CaseEvent event) {
        return event.getClass().getSimpleName();
    }

    String write(CaseEvent event) {
        return mapper.writeValueAsString(event);
    }

    CaseEvent read(String type, String payload) {
        Class<? extends CaseEvent> c = TYPES.get(type);
        if (c == null) {
            throw new IllegalStateException("unknown case event type " + type);
        }
        return mapper.readValue(payload, c);
    }
}
