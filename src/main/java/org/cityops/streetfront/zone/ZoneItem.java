package org.cityops.streetfront.zone;

/** The four items a 门前三包 inspection judges (市容, 环境卫生, 秩序, 绿化). */
public enum ZoneItem {
    /** 市容: facades, signs, hanging goods, posters (乱张贴). */
    CITYSCAPE("市容"),
    /** 环境卫生: litter, waste put out, sweeping in front of the door. */
    SANITATION("环境卫生"),
    /** 秩序: goods and business outside the shop (店外经营), parking in the zone. */
    ORDER("秩序"),
    /** 绿化: the trees, beds and planters in the zone. */
    GREENERY("绿化");

    private final String label;

    ZoneItem(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
