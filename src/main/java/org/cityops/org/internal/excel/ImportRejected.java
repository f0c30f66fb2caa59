package org.cityops.org.internal.excel;

import java.util.List;

/** The workbook has errors: nothing was imported. */
public class ImportRejected extends RuntimeException {

    private final transient List<ImportError> errors;

    public ImportRejected(List<ImportError> errors) {
        super("导入失败，未写入任何数据 import rejected, nothing written: " + errors.size() + " error(s)");
        this.errors = List.copyOf(errors);
    }

    public List<ImportError> errors() {
        return errors;
    }
}
