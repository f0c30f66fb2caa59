package org.cityops.opinion.item;

/** Where a 舆情 item was seen (来源). */
public enum OpinionSource {
    WEBSITE("网站"),
    WEIBO("微博"),
    WECHAT("微信"),
    DOUYIN("抖音"),
    FORUM("论坛"),
    OTHER("其他"),
    /** pulled from a configured RSS / Atom feed (订阅源); the feed's name is kept with the item */
    FEED("订阅源");

    private final String label;

    OpinionSource(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
