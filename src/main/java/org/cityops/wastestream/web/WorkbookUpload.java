package org.cityops.wastestream.web;

import java.io.IOException;
import java.io.InputStream;
import org.cityops.wastestream.ImportReport;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * An .xlsx uploaded from a wastestream page: imported all or nothing, and the page shown again with the number
 * imported or the first 20 refused rows (the pages read {@code imported}, {@code importErrors}, {@code importError}).
 */
public final class WorkbookUpload {

    /** Reads the workbook and imports it. */
    @FunctionalInterface
    public interface Importer {
        ImportReport read(InputStream in) throws IOException;
    }

    private WorkbookUpload() {}

    /** Imports {@code file} and returns the redirect back to {@code page} with the outcome flashed. */
    public static String importAndShow(MultipartFile file, RedirectAttributes redirect, String page, Importer importer)
            throws IOException {
        if (file == null || file.isEmpty()) {
            redirect.addFlashAttribute("importError", "请上传 .xlsx 文件 upload an .xlsx file");
            return "redirect:" + page;
        }
        ImportReport r;
        try (InputStream in = file.getInputStream()) {
            r = importer.read(in);
        }
        if (r.errors().isEmpty()) {
            redirect.addFlashAttribute("imported", r.imported());
        } else {
            redirect.addFlashAttribute(
                    "importErrors",
                    r.errors().subList(0, Math.min(20, r.errors().size())));
        }
        return "redirect:" + page;
    }
}
