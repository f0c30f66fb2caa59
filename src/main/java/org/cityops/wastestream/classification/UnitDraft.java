package org.cityops.wastestream.classification;

/** A unit as entered (form, API or spreadsheet row), before the rules. Bin counts per class may be null (= 0). */
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
        Integer other) {

    int count(WasteClass c) {
        Integer n =
                switch (c) {
                    case RECYCLABLE -> recyclable;
                    case HAZARDOUS -> hazardous;
                    case KITCHEN -> kitchen;
                    case OTHER -> other;
                };
        return n == null ? 0 : n;
    }
}
