package org.cityops.assessment.internal.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Standard competition ranking (1, 1, 3) by score, highest first; subjects without a score get no rank. */
public final class Ranking {

    private Ranking() {}

    public static Map<String, Integer> rank(Map<String, Double> scores) {
        List<Map.Entry<String, Double>> list = new ArrayList<>();
        scores.entrySet().stream().filter(e -> e.getValue() != null).forEach(list::add);
        list.sort(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder())
                .thenComparing(Map.Entry.comparingByKey()));
        Map<String, Integer> ranks = new HashMap<>();
        for (int i = 0; i < list.size(); i++) {
            boolean tie = i > 0 && list.get(i).getValue().equals(list.get(i - 1).getValue());
            ranks.put(list.get(i).getKey(), tie ? ranks.get(list.get(i - 1).getKey()) : i + 1);
        }
        return ranks;
    }
}
