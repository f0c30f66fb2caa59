package org.cityops.platform.excel;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.cityops.platform.InvalidInputException;

/**
 * An uploaded Excel workbook (.xlsx; the older .xls is read too) opened for an import. Opening reads the whole
 * upload once, within {@link Limits}, and refuses with an {@link InvalidInputException} on the field
 * {@code file} (a 400 with a clear message, never a stack trace) an empty file, a file too large as uploaded
 * or once unpacked, a password-protected workbook, and anything that is not a workbook or is damaged.
 */
public final class UploadedWorkbook implements AutoCloseable {

    /** The row limit most imports use (per sheet; blank rows do not count). */
    public static final int MAX_ROWS = 5_000;

    static final String EMPTY = "文件为空 the file is empty";
    static final String NOT_A_WORKBOOK = "不是有效的 .xlsx 文件 not an .xlsx file, or a damaged one";
    static final String ENCRYPTED = "文件有密码保护，请去掉密码后再导入 the workbook is password-protected";

    /**
     * @param maxBytes         the upload's size
     * @param maxUnpackedBytes what an .xlsx (a zip) unpacks to: the bound on the memory a workbook takes
     * @param maxParts         how many files the zip may hold
     */
    public record Limits(long maxBytes, long maxUnpackedBytes, int maxParts) {
        /** 10 MB as uploaded (the multipart limit), 64 MB unpacked, 10,000 parts. */
        public static final Limits DEFAULT = new Limits(10L << 20, 64L << 20, 10_000);
    }

    private final Workbook workbook;

    private UploadedWorkbook(Workbook workbook) {
        this.workbook = workbook;
    }

    public static UploadedWorkbook open(InputStream in) {
        return open(in, Limits.DEFAULT);
    }

    public static UploadedWorkbook open(InputStream in, Limits limits) {
        byte[] bytes = readAtMost(in, limits.maxBytes());
        if (bytes.length == 0) {
            throw invalid(EMPTY);
        }
        checkUnpacked(bytes, limits);
        try {
            return new UploadedWorkbook(WorkbookFactory.create(new ByteArrayInputStream(bytes)));
        } catch (EncryptedDocumentException e) {
            throw invalid(ENCRYPTED);
        } catch (IOException | RuntimeException | LinkageError e) {
            // LinkageError: POI meets some damaged files with a class it cannot initialise
            throw invalid(NOT_A_WORKBOOK);
        }
    }

    /** The sheet of that name, if the workbook has it. */
    public Optional<UploadedSheet> sheet(String name) {
        Sheet s = workbook.getSheet(name);
        return s == null ? Optional.empty() : Optional.of(new UploadedSheet(s));
    }

    /** The first sheet, whatever its name. */
    public UploadedSheet firstSheet() {
        if (workbook.getNumberOfSheets() == 0) {
            throw invalid("文件没有工作表 no sheet in the file");
        }
        return new UploadedSheet(workbook.getSheetAt(0));
    }

    @Override
    public void close() {
        try {
            workbook.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] readAtMost(InputStream in, long max) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[64 * 1024];
        long total = 0;
        try {
            for (int n; (n = in.read(buf)) != -1; ) {
                total += n;
                if (total > max) {
                    throw invalid("文件超过 " + size(max) + " the file is larger than " + size(max));
                }
                out.write(buf, 0, n);
            }
        } catch (IOException e) {
            throw invalid("无法读取上传文件 cannot read the upload");
        }
        return out.toByteArray();
    }

    /**
     * Unpacks a zip (an .xlsx) once, counting, before POI builds the workbook in memory: a small upload that
     * unpacks to gigabytes is refused here. A zip this scan cannot read is left for POI to judge.
     */
    private static void checkUnpacked(byte[] bytes, Limits limits) {
        if (bytes.length < 4 || bytes[0] != 'P' || bytes[1] != 'K') {
            return;
        }
        long total = 0;
        int parts = 0;
        byte[] buf = new byte[64 * 1024];
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                if (++parts > limits.maxParts()) {
                    throw invalid("文件包含的部件过多 the workbook has too many parts");
                }
                for (int n; (n = zip.read(buf)) != -1; ) {
                    total += n;
                    if (total > limits.maxUnpackedBytes()) {
                        throw invalid("文件解压后超过 " + size(limits.maxUnpackedBytes())
                                + " the workbook unpacks to more than " + size(limits.maxUnpackedBytes()));
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof InvalidInputException refused) {
                throw refused;
            }
            // not a zip this scan reads: POI says what it is
        }
    }

    private static String size(long bytes) {
        return bytes >= (1L << 20) && bytes % (1L << 20) == 0 ? (bytes >> 20) + " MB" : bytes + " B";
    }

    private static InvalidInputException invalid(String message) {
        return new InvalidInputException(message, "file");
    }
}
