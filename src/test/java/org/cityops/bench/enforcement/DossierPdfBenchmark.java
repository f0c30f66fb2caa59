package org.cityops.bench.enforcement;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.cityops.enforcement.document.DocumentType;
import org.cityops.enforcement.document.EnforcementDocuments;
import org.cityops.org.StaffMember;
import org.cityops.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Not a test (run on purpose): a case file of 100 issued documents (100 询问笔录 on one demo case) exported as one
 * PDF with its 卷内目录, through the service (reads, layout, font subset, save), timed 10 times after 2 warm-ups.
 *
 * <p>Run: {@code ./mvnw -B -o -q test -Dtest=DossierPdfBenchmark -Dsurefire.failIfNoSpecifiedTests=false}. Prints
 * each time, the median and the worst in ms, and the PDF's size.
 */
@IntegrationTest
class DossierPdfBenchmark {

    @Autowired
    EnforcementDocuments documents;

    @Autowired
    JdbcClient jdbc;

    @Test
    void export_a_hundred_document_case_file() {
        long caseId = jdbc.sql("SELECT MAX(id) FROM enf_case").query(Long.class).single();
        for (int round = 1; round <= 100; round++) {
            documents.draftForCase(caseId, DocumentType.INQUIRY, 900 - round, StaffMember.SYSTEM);
        }
        byte[] pdf = null;
        for (int i = 0; i < 2; i++) {
            pdf = documents.dossier(caseId, StaffMember.SYSTEM);
        }
        List<Long> ms = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            long t = System.nanoTime();
            pdf = documents.dossier(caseId, StaffMember.SYSTEM);
            ms.add((System.nanoTime() - t) / 1_000_000);
        }
        List<Long> sorted = new ArrayList<>(ms);
        Collections.sort(sorted);
        System.out.println("DOSSIER 100 documents: " + ms + " ms; median " + sorted.get(5) + " ms, worst "
                + sorted.get(9) + " ms, " + pdf.length + " bytes");
    }
}
