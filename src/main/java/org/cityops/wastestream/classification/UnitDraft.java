package org.cityops.wastestream.classification;

/** A unit as entered (form, API or spreadsheet row), before the rules. Bin counts per class may be null (= 0); {@code rural}
 * (农村, outside the built-up area) null means built-up. */
public record UnitDraft(
        String code,
        String name,
        String kind,
        String address,
        Double lat,
        Double lon,
        Integer recyclable,
        Integer hazardous,
        Integer kitchen,
        Integer other,
        Boolean rural) {

    int count(WasteClass c) {
        Integer n = switch (c) {
            case RECYCLABLE -> recyclable;
            case HAZARDOUS -> hazardous;
            case KITCHEN -> kitchen;
            case OTHER -> other;
        };
        return n == null ? 0 : n;
    }
}
