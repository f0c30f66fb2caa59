package org.cityops.enforcement.procedure;

/**
 * Why a step is refused: the rule (article) that refuses it and what it says, "中文 English". {@code badInput}
 * refusals are missing or malformed input (400, naming {@code field}); the others break the procedure (409).
 */
public record Refusal(String article, String message, String field, boolean badInput) {

    static Refusal conflict(String article, String message) {
        return new Refusal(article, message, null, false);
    }

    static Refusal input(String article, String field, String message) {
        return new Refusal(article, message, field, true);
    }

    /** The text shown: the article first. */
    public String text() {
        return article == null || article.isEmpty() ? message : article + "：" + message;
    }
}
