package org.cityops.enforcement.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The 案卷 PDF needs a CJK TrueType font from the system ({@link CjkFont}). On a bare developer machine without it
 * the PDF tests are skipped with the reason; CI installs the font and sets {@code CITYOPS_REQUIRE_PDF_FONT}, so
 * there they fail instead of skipping.
 */
final class PdfFont {

    static final CjkFont DEFAULT = new CjkFont(CjkFont.DEFAULT_PATH, null);

    private PdfFont() {}

    static void assumeInstalled() {
        String problem = DEFAULT.problem();
        if (System.getenv("CITYOPS_REQUIRE_PDF_FONT") != null) {
            assertThat(problem).as("CI installs the PDF font").isNull();
        }
        assumeTrue(problem == null, problem);
    }
}
