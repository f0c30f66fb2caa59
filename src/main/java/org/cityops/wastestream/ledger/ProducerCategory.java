package org.cityops.wastestream.ledger;

/** 产生单位类别: the kind of kitchen-waste producer. */
public enum ProducerCategory {
    RESTAURANT("餐饮"),
    CANTEEN("单位食堂"),
    MARKET("农贸市场"),
    FOOD_PROCESSING("食品加工"),
    OTHER("其他");

    private final String label;

    ProducerCategory(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** By code or Chinese label; null when neither. */
    public static ProducerCategory parse(String text) {
        if (text == null) {
            return null;
        }
        String t = text.trim();
        for (ProducerCategory c : values()) {
            if (c.name().equalsIgnoreCase(t) || c.label.equals(t)) {
                return c;
            }
        }
        return null;
    }
}
