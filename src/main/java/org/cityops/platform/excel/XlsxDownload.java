package org.cityops.platform.excel;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** A one-sheet .xlsx with a bold, frozen header row (written by {@link WorkbookWriter}), and its download. */
public final class XlsxDownload {

    public static final MediaType XLSX = MediaType.parseMediaType(WorkbookWriter.CONTENT_TYPE);

    private XlsxDownload() {}

    public static byte[] sheet(String name, List<String> header, List<List<Object>> rows) {
        try (WorkbookWriter wb = new WorkbookWriter()) {
            SheetWriter sheet = wb.sheet(name, header);
            rows.forEach(sheet::row);
            return wb.toBytes();
        }
    }

    /** The workbook as an attachment; the file name may be Chinese (RFC 5987 encoded). */
    public static ResponseEntity<byte[]> download(String filename, byte[] body) {
        return ResponseEntity.ok()
                .contentType(XLSX)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(filename, StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .body(body);
    }
}
