package org.cityops.wastestream.bulky;

/** The five storage areas of a bulky-waste sorting centre (大件垃圾分拣中心). */
public enum StorageArea {
    WOOD("木质"),
    METAL("金属"),
    PLASTIC("塑料"),
    GLASS("玻璃"),
    TEXTILE("织物");

    private final String label;

    StorageArea(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static StorageArea parse(String text) {
        if (text == null) {
            return null;
        }
        String t = text.trim();
        for (StorageArea a : values()) {
            if (a.name().equalsIgnoreCase(t) || a.label.equals(t)) {
                return a;
            }
        }
        return null;
    }
}
