package org.cityops.rectification.web;

import java.util.Map;
import java.util.StringJoiner;
import org.cityops.platform.InvalidInputException;

/**
 * 平台指标 parameters as the measure page's form sends them: one field per parameter of the chosen indicator, named
 * {@code p.<indicator key>.<parameter>}, joined into the stored {@code k=v;k=v} form. Blank fields are left out; a
 * value holding {@code ;} or {@code =} is refused (it would be read back as another parameter).
 */
final class IndicatorParams {

    private IndicatorParams() {}

    static String join(String key, Map<String, String> form) {
        if (key == null || key.isBlank()) {
            return null;
        }
        String prefix = "p." + key.strip() + ".";
        StringJoiner out = new StringJoiner(";");
        for (Map.Entry<String, String> e : form.entrySet()) {
            if (!e.getKey().startsWith(prefix)
                    || e.getValue() == null
                    || e.getValue().isBlank()) {
                continue;
            }
            String name = e.getKey().substring(prefix.length());
            String value = e.getValue().strip();
            if (value.contains(";") || value.contains("=")) {
                throw new InvalidInputException("指标参数不能含有 ; 或 = parameter " + name + " may not hold ; or =", name);
            }
            out.add(name + "=" + value);
        }
        return out.length() == 0 ? null : out.toString();
    }
}
