package org.cityops.enforcement.party;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.cityops.platform.CreditCode;

/**
 * The party's identifier, checked by its check character: a person's 公民身份号码 (GB 11643-1999, 18 characters,
 * ISO 7064 MOD 11-2) or a unit's 统一社会信用代码 (GB 32100-2015, 18 characters, MOD 31). Shown masked in lists.
 */
public final class PartyIds {

    private static final int[] ID_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String ID_CHECK = "10X98765432";
    private static final Pattern ID_SHAPE = Pattern.compile("\\d{17}[\\dX]");

    private PartyIds() {}

    /** The identifier normalised (trimmed, upper case), or a problem "中文 English". */
    public static Optional<String> problem(PartyKind kind, String id) {
        if (id == null || id.isBlank()) {
            return Optional.of(
                    kind == PartyKind.PERSON
                            ? "须填写公民身份号码 the party's ID number is required"
                            : "须填写统一社会信用代码 the unit's unified social credit code is required");
        }
        String v = normalise(id);
        if (kind == PartyKind.PERSON) {
            if (!ID_SHAPE.matcher(v).matches() || ID_CHECK.charAt(idSum(v) % 11) != v.charAt(17)) {
                return Optional.of("公民身份号码校验不通过 the ID number fails its check (GB 11643)");
            }
        } else if (!CreditCode.valid(v)) {
            return Optional.of("统一社会信用代码校验不通过 the credit code fails its check (GB 32100)");
        }
        return Optional.empty();
    }

    public static String normalise(String id) {
        return id == null ? null : id.trim().toUpperCase(Locale.ROOT);
    }

    /** For lists: a person's number keeps its first 4 and last 4 characters; a unit's code is public. */
    public static String masked(PartyKind kind, String id) {
        if (id == null || kind == PartyKind.UNIT || id.length() < 9) {
            return id;
        }
        return id.substring(0, 4) + "*".repeat(id.length() - 8) + id.substring(id.length() - 4);
    }

    private static int idSum(String v) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (v.charAt(i) - '0') * ID_WEIGHTS[i];
        }
        return sum;
    }
}
