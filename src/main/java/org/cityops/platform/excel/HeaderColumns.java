package org.cityops.platform.excel;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A header row's cells matched by name to an importer's columns, so that the columns may stand in any order.
 * Names compare without '*' (a "required" mark), white space or case. The importer decides what an unknown,
 * duplicate or missing column means (an error, a warning).
 *
 * @param row        the header's row number as Excel shows it
 * @param index      the column (from 0) of each key found
 * @param unknown    headers that name no column, as written
 * @param duplicates headers that name a column found before, as written
 */
public record HeaderColumns<K>(int row, Map<K, Integer> index, List<String> unknown, List<String> duplicates) {

    /**
     * @param names every accepted header name (aliases included) and the column key it stands for
     */
    public static <K> HeaderColumns<K> match(DataRow header, Map<String, K> names) {
        Map<String, K> byName = new HashMap<>();
        names.forEach((name, key) -> byName.put(normalize(name), key));
        Map<K, Integer> index = new LinkedHashMap<>();
        List<String> unknown = new ArrayList<>();
        List<String> duplicates = new ArrayList<>();
        for (int col : header.filledColumns()) {
            String text = header.text(col);
            K key = byName.get(normalize(text));
            if (key == null) {
                unknown.add(text);
            } else if (index.putIfAbsent(key, col) != null) {
                duplicates.add(text);
            }
        }
        return new HeaderColumns<>(header.number(), Map.copyOf(index), List.copyOf(unknown), List.copyOf(duplicates));
    }

    /** The column of the key, or null when the header does not have it. */
    public Integer of(K key) {
        return index.get(key);
    }

    /** The required keys the header does not have, in the order given. */
    public List<K> missing(Collection<K> required) {
        return required.stream().filter(k -> !index.containsKey(k)).toList();
    }

    /** A header as compared: without '*', white space (line breaks included) and case. */
    public static String normalize(String header) {
        return header == null
                ? ""
                : header.replace("*", "").replaceAll("\\s+", "").toLowerCase(Locale.ROOT);
    }
}
