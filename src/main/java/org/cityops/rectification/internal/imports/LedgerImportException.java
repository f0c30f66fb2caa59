package org.cityops.rectification.internal.imports;

import java.util.List;
import org.cityops.platform.InvalidInputException;

/** An import that was refused; nothing was stored. Carries every error found, row by row. */
public class LedgerImportException extends InvalidInputException {

    private final transient List<ImportError> errors;

    public LedgerImportException(List<ImportError> errors) {
        super(
                "导入失败,未导入任何数据 import refused, nothing imported: " + errors.get(0)
                        + (errors.size() > 1 ? " (共 " + errors.size() + " 处错误 errors)" : ""),
                errors.get(0).field());
        this.errors = List.copyOf(errors);
    }

    public List<ImportError> errors() {
        return errors;
    }
}
