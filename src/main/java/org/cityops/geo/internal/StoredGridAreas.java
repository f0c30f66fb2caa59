package org.cityops.geo.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import org.cityops.geo.GridAreas;
import org.springframework.stereotype.Component;

/** {@link GridAreas} from the stored layer (the area computed at import). */
@Component
class StoredGridAreas implements GridAreas {

    private final GridRepository grids;

    StoredGridAreas(GridRepository grids) {
        this.grids = grids;
    }

    @Override
    public Map<String, Double> areasKm2(String areaPrefix) {
        Map<String, Double> out = new LinkedHashMap<>();
        grids.areasM2(areaPrefix == null ? "" : areaPrefix).forEach((code, m2) -> out.put(code, m2 / 1_000_000d));
        return out;
    }
}
