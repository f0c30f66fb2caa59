package org.cityops.assessment.internal.model;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Sums the counts of case tallies and post rows into counters per subject. */
public final class Tabulation {

    private static final List<SubjectType> AREAS =
            List.of(SubjectType.DISTRICT, SubjectType.STREET, SubjectType.COMMUNITY, SubjectType.GRID);

    private final Map<SubjectType, Map<String, Counters>> counters = new EnumMap<>(SubjectType.class);

    public Tabulation() {
        for (SubjectType t : SubjectType.values()) {
            counters.put(t, new TreeMap<>());
        }
    }

    /** A case counts for each area level it has a code for. */
    public void add(AreaTally t) {
        Counters c = t.count();
        for (SubjectType type : AREAS) {
            String code = t.codeFor(type);
            if (code != null && !code.isBlank()) {
                merge(type, code, c);
            }
        }
    }

    public void add(DeptTally t) {
        merge(SubjectType.DEPARTMENT, t.department(), t.count());
    }

    public void add(PostRow row) {
        for (PostRow.Hit h : row.count()) {
            of(h.type(), h.username()).add(h.counter(), h.n());
        }
    }

    private void merge(SubjectType type, String code, Counters c) {
        Counters target = of(type, code);
        c.asMap().forEach(target::add);
    }

    public Counters of(SubjectType type, String code) {
        return counters.get(type).computeIfAbsent(code, k -> new Counters());
    }

    public Map<String, Counters> subjects(SubjectType type) {
        return counters.get(type);
    }
}
