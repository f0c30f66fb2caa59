package org.cityops.enforcement.file;

import java.util.Set;

/** What a piece of evidence (证据) is, and which file types it may be. */
public enum EvidenceKind {
    /** 现场照片 */
    PHOTO("现场照片", Set.of("image/jpeg", "image/png"), true),
    /** 现场视频 (执法记录仪) */
    VIDEO("现场视频", Set.of("video/mp4"), true),
    /** 笔录 (现场检查笔录, 询问笔录), signed and scanned or photographed */
    RECORD("笔录", Set.of("application/pdf", "image/jpeg", "image/png"), false);

    private final String label;
    private final Set<String> types;
    private final boolean onSite;

    EvidenceKind(String label, Set<String> types, boolean onSite) {
        this.label = label;
        this.types = types;
        this.onSite = onSite;
    }

    public String label() {
        return label;
    }

    /** The content types (sniffed from the bytes) this kind accepts. */
    public Set<String> types() {
        return types;
    }

    /** Taken on site: the GPS position is required. */
    public boolean onSite() {
        return onSite;
    }
}
