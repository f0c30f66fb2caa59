package org.cityops.enforcement.document;

/**
 * 文号: the bureau's prefix, the type's word, 字, the year in 〔〕 and the running number, e.g.
 * 常城执罚决字〔2026〕第12号. The prefix is configuration ({@code cityops.enforcement.document-prefix}).
 */
public final class DocumentNumber {

    private DocumentNumber() {}

    public static String format(String prefix, DocumentType type, int year, int number) {
        if (!type.numbered()) {
            throw new IllegalArgumentException(type + " carries no 文号");
        }
        if (number < 1) {
            throw new IllegalArgumentException("a 文号 starts at 1");
        }
        return prefix + type.numberWord() + "字〔" + year + "〕第" + number + "号";
    }
}
