package org.cityops.enforcement.document;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.cityops.audit.AuditTrail;
import org.cityops.org.DataScope;
import org.cityops.org.StaffMember;
import org.cityops.platform.AccessDeniedToEntityException;
import org.cityops.platform.CityClock;
import org.cityops.platform.ConflictException;
import org.cityops.platform.InvalidInputException;
import org.cityops.platform.NotFoundException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 执法文书: drafts a document from its template (the 承办人 signs by drafting), takes it through the approval chain
 * ({@link ApprovalChain}), issues it with its 文号 (gap-free per type and year) and its .docx, whose SHA-256 goes
 * into the audit trail; a second document of the same type and step is a 409 (after a 退回 a new revision may be
 * drafted). Exports a case's issued documents as one PDF with a 卷内目录 ({@link DossierPdf}).
 */
@Service
public class EnforcementDocuments {

    private final DocumentStore store;
    private final CaseDocumentFacts caseFacts;
    private final List<DocumentOwnerScope> owners;
    private final AuditTrail audit;
    private final Clock clock;
    private final String prefix;
    private final CjkFont font;

    EnforcementDocuments(
            DocumentStore store,
            CaseDocumentFacts caseFacts,
            List<DocumentOwnerScope> owners,
            AuditTrail audit,
            Clock clock,
            @Value("${cityops.enforcement.document-prefix:常城执}") String prefix,
            @Value("${cityops.enforcement.pdf-font:" + CjkFont.DEFAULT_PATH + "}") String fontPath,
            @Value("${cityops.enforcement.pdf-font-name:#{null}}") String fontName) {
        this.store = store;
        this.caseFacts = caseFacts;
        this.owners = owners;
        this.audit = audit;
        this.clock = clock;
        this.prefix = prefix;
        this.font = new CjkFont(fontPath, fontName);
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(CityClock.ZONE));
    }

    /** Drafts a case document; {@code round} (第几次) is required for a repeatable type (笔录, 送达回证). */
    @Transactional
    public DocumentView draftForCase(long caseId, DocumentType type, Integer round, StaffMember me) {
        if (type == null || type.owner() != DocumentType.Owner.CASE) {
            throw new InvalidInputException("文书种类不适用于案件 not a case document type", "type");
        }
        int r = roundOf(type, round);
        DocumentStagePolicy.check(type, caseFacts.state(caseId, me)).ifPresent(refusal -> {
            throw new ConflictException(refusal.text(), "type");
        });
        CaseFacts facts = caseFacts.of(caseId, me, today());
        return draft(type, caseId, String.valueOf(r), DocumentTemplates.forCase(type, facts, r), me);
    }

    /** The case document types the case's stage allows now ({@link DocumentStagePolicy}), for the page. */
    @Transactional(readOnly = true)
    public List<DocumentType> draftableNow(long caseId, StaffMember me) {
        return DocumentStagePolicy.allowed(caseFacts.state(caseId, me));
    }

    /**
     * Drafts a structure document (the construction package calls it after its own scope check); {@code stepKey}
     * names the step (e.g. the demolition order's id) so the same step never has two documents.
     */
    @Transactional
    public DocumentView draftForStructure(
            long structureId, DocumentType type, String stepKey, StructureFacts facts, StaffMember me) {
        if (type.owner() != DocumentType.Owner.STRUCTURE) {
            throw new InvalidInputException("文书种类不适用于违建 not a structure document type", "type");
        }
        return draft(type, structureId, stepKey, DocumentTemplates.forStructure(type, facts), me);
    }

    private DocumentView draft(
            DocumentType type, long ownerId, String stepKey, DocumentContent content, StaffMember me) {
        if (!me.isSystem()) {
            ApprovalChain.mayDraft(roles(me)).ifPresent(refusal -> {
                throw new AccessDeniedToEntityException(refusal.text(), "type");
            });
        }
        List<DocumentStore.Row> same = store.sameStep(type, ownerId, stepKey);
        if (same.stream().anyMatch(d -> d.status() != DocumentStatus.REJECTED)) {
            throw new ConflictException(
                            "该步骤的" + type.label() + "已制作 this step already has its " + type.name() + " document",
                            "type")
                    .withKey("enf.doc.error.twice", type.label());
        }
        Instant now = Instant.now(clock);
        long id;
        try {
            id = store.insert(
                    type,
                    ownerId,
                    stepKey,
                    same.size() + 1,
                    content.title(),
                    content.serialize(),
                    me.username(),
                    DocumentStatus.APPROVING,
                    ApprovalLevel.HANDLER,
                    now);
        } catch (DuplicateKeyException raced) {
            throw new ConflictException(
                    "该步骤的" + type.label() + "已制作 this step already has its " + type.name() + " document", "type");
        }
        store.sign(id, ApprovalLevel.HANDLER, true, "拟稿", me.username(), me.displayName(), now);
        audit.record("ENF_DOC", key(type, ownerId, id), "DRAFT", null, type.label() + " " + stepKey);
        if (type.needsApproval()) {
            store.advance(id, DocumentStatus.APPROVING, ApprovalLevel.DEPARTMENT);
        } else {
            issue(store.find(id).orElseThrow(), now);
        }
        return view(store.find(id).orElseThrow());
    }

    /** Signs the document's next level (approve) or sends it back (退回, with the opinion). */
    @Transactional
    public DocumentView decide(long documentId, boolean approve, String opinion, StaffMember me) {
        DocumentStore.Row d = store.lock(documentId).orElseThrow(DocumentStore::notFound);
        requireVisible(d, me);
        if (opinion == null || opinion.isBlank()) {
            throw new InvalidInputException("须填写审批意见 write an opinion", "opinion");
        }
        if (d.status() != DocumentStatus.APPROVING) {
            throw new ConflictException("该文书不在审批中 the document is not awaiting approval", "documentId");
        }
        var refusal = ApprovalChain.maySign(
                d.nextLevel(), me.username(), roles(me), me.scope() == DataScope.CITY, store.signers(d.id()));
        if (refusal.isPresent()) {
            if (refusal.get().forbidden()) {
                throw new AccessDeniedToEntityException(refusal.get().text(), "documentId");
            }
            throw new ConflictException(refusal.get().text(), "documentId");
        }
        Instant now = Instant.now(clock);
        store.sign(d.id(), d.nextLevel(), approve, opinion.trim(), me.username(), me.displayName(), now);
        String who = key(d.type(), d.ownerId(), d.id());
        if (!approve) {
            store.advance(d.id(), DocumentStatus.REJECTED, null);
            audit.record(
                    "ENF_DOC",
                    who,
                    "REJECT",
                    d.nextLevel().name(),
                    d.nextLevel().label() + "退回：" + opinion.trim());
        } else if (d.nextLevel().next() != null) {
            store.advance(d.id(), DocumentStatus.APPROVING, d.nextLevel().next());
            audit.record(
                    "ENF_DOC",
                    who,
                    "APPROVE",
                    d.nextLevel().name(),
                    d.nextLevel().label() + "同意：" + opinion.trim());
        } else {
            audit.record(
                    "ENF_DOC",
                    who,
                    "APPROVE",
                    d.nextLevel().name(),
                    d.nextLevel().label() + "同意：" + opinion.trim());
            issue(store.find(d.id()).orElseThrow(), now);
        }
        return view(store.find(d.id()).orElseThrow());
    }

    /** Issues (签发): the 文号, the .docx with the approvals, its SHA-256 in the audit trail. */
    private void issue(DocumentStore.Row d, Instant now) {
        DocumentContent content = DocumentContent.parse(d.content());
        String number = null;
        Integer year = null;
        if (d.type().numbered()) {
            year = LocalDate.ofInstant(now, CityClock.ZONE).getYear();
            number = DocumentNumber.format(prefix, d.type(), year, store.nextNumber(d.type(), year));
            content = content.withNumber(number);
        }
        List<String> approvals = d.type().needsApproval() ? approvalLines(d.id()) : List.of();
        byte[] docx = DocxWriter.write(content, approvals);
        String sha = sha256(docx);
        store.issue(d.id(), number, year, content.serialize(), docx, sha, now);
        audit.record(
                "ENF_DOC",
                key(d.type(), d.ownerId(), d.id()),
                "ISSUE",
                null,
                d.type().label() + (number == null ? "" : " " + number) + " SHA-256 " + sha);
    }

    private List<String> approvalLines(long id) {
        return store.approvals(List.of(id)).getOrDefault(id, List.of()).stream()
                .filter(a -> a.level() != ApprovalLevel.HANDLER)
                .map(DocumentView.Approval::line)
                .toList();
    }

    @Transactional(readOnly = true)
    public List<DocumentView> list(DocumentType.Owner kind, long ownerId, StaffMember me) {
        owner(kind).requireVisible(ownerId, me);
        List<DocumentStore.Row> rows = store.byOwner(kind, ownerId);
        Map<Long, List<DocumentView.Approval>> approvals =
                store.approvals(rows.stream().map(DocumentStore.Row::id).toList());
        return rows.stream()
                .map(r -> view(r, approvals.getOrDefault(r.id(), List.of())))
                .toList();
    }

    @Transactional(readOnly = true)
    public DocumentView get(long documentId, StaffMember me) {
        DocumentStore.Row d = store.find(documentId).orElseThrow(DocumentStore::notFound);
        requireVisible(d, me);
        return view(d);
    }

    /** The issued .docx (404 before it is issued). */
    @Transactional(readOnly = true)
    public byte[] docx(long documentId, StaffMember me) {
        get(documentId, me);
        return store.docx(documentId).orElseThrow(() -> new NotFoundException("文书尚未签发 the document is not issued"));
    }

    /** The 案卷: every issued document of the case, in the order drafted, as one PDF with a 卷内目录 (export audited). */
    @Transactional
    public byte[] dossier(long caseId, StaffMember me) {
        CaseFacts facts = caseFacts.of(caseId, me, today());
        String problem = font.problem();
        if (problem != null) {
            throw new ConflictException(problem, "font");
        }
        List<DocumentStore.Row> rows = store.byOwner(DocumentType.Owner.CASE, caseId).stream()
                .filter(r -> r.status() == DocumentStatus.ISSUED)
                .toList();
        Map<Long, List<DocumentView.Approval>> approvals =
                store.approvals(rows.stream().map(DocumentStore.Row::id).toList());
        List<DossierPdf.Entry> entries = new ArrayList<>();
        for (DocumentStore.Row r : rows) {
            entries.add(new DossierPdf.Entry(
                    r.number(),
                    r.title(),
                    LocalDate.ofInstant(r.issuedAt(), CityClock.ZONE).toString(),
                    DocumentContent.parse(r.content()),
                    approvals.getOrDefault(r.id(), List.of()).stream()
                            .filter(a -> a.level() != ApprovalLevel.HANDLER)
                            .map(DocumentView.Approval::line)
                            .toList()));
        }
        List<String> cover = List.of(
                "案件编号：" + facts.caseNumber(),
                "当事人：" + facts.partyName(),
                "案由：" + facts.itemName(),
                "承办人：" + facts.handler(),
                "立卷日期：" + DocumentTemplates.date(today()));
        byte[] pdf = DossierPdf.write(facts.authority() + "行政处罚案卷", cover, entries, font);
        audit.record(
                "ENF_CASE", facts.caseNumber(), "DOSSIER_EXPORT", null, entries.size() + "件 SHA-256 " + sha256(pdf));
        return pdf;
    }

    private void requireVisible(DocumentStore.Row d, StaffMember me) {
        owner(d.ownerKind()).requireVisible(d.ownerId(), me);
    }

    private DocumentOwnerScope owner(DocumentType.Owner kind) {
        return owners.stream()
                .filter(o -> o.owner() == kind)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no scope for " + kind));
    }

    private DocumentView view(DocumentStore.Row r) {
        return view(r, store.approvals(List.of(r.id())).getOrDefault(r.id(), List.of()));
    }

    private static DocumentView view(DocumentStore.Row r, List<DocumentView.Approval> approvals) {
        return new DocumentView(
                r.id(),
                r.ownerKind(),
                r.ownerId(),
                r.type(),
                r.type().label(),
                r.stepKey(),
                r.revision(),
                r.title(),
                r.number(),
                r.status(),
                r.status().label(),
                r.nextLevel(),
                r.nextLevel() == null ? null : r.nextLevel().label(),
                r.sha256(),
                r.draftedBy(),
                r.createdAt(),
                r.issuedAt(),
                approvals);
    }

    private static int roundOf(DocumentType type, Integer round) {
        if (!type.repeatable()) {
            return 1;
        }
        if (round == null || round < 1 || round > 999) {
            throw new InvalidInputException("须填写第几次（1–999） give the round (1–999)", "round");
        }
        return round;
    }

    private static Set<String> roles(StaffMember me) {
        return me.roles().stream().map(Enum::name).collect(Collectors.toSet());
    }

    private static String key(DocumentType type, long ownerId, long id) {
        return type.owner().name() + "-" + ownerId + "/" + id;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
