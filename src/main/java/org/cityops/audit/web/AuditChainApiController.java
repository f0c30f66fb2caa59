package org.cityops.audit.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cityops.audit.AuditChain;
import org.cityops.audit.AuditCheckpoint;
import org.cityops.audit.ChainVerification;
import org.cityops.platform.InvalidInputException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Verifying the audit chain and exporting its signed checkpoints, for the people who read the trail. A full
 * re-verification reads every entry and is for administrators only.
 */
@RestController
@Validated
@RequestMapping("/api/v1/audit")
@PreAuthorize("hasAnyRole('ADMIN','LEADER','ASSESSOR')")
class AuditChainApiController {

    private final AuditChain chain;

    AuditChainApiController(AuditChain chain) {
        this.chain = chain;
    }

    @GetMapping("/verify")
    @PreAuthorize("hasRole('ADMIN') or (!#full and hasAnyRole('LEADER','ASSESSOR'))")
    Map<String, Object> verify(@RequestParam(defaultValue = "false") boolean full) {
        ChainVerification v = full ? chain.verifyFull() : chain.verify();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("valid", v.valid());
        body.put("entries", v.entries());
        body.put("full", v.full());
        body.put("fromEntry", v.fromSeq());
        body.put("headEntry", v.headSeq());
        if (!v.valid()) {
            body.put("firstBrokenEntry", v.firstBrokenSeq());
            body.put("reason", v.reason());
        }
        return body;
    }

    /** One exported checkpoint: everything needed to check it with the key, e.g. {@code openssl dgst -hmac}. */
    record ExportedCheckpoint(
            long seq,
            String hash,
            Instant createdAt,
            String keyId,
            String algorithm,
            String signedText,
            String signature) {

        static ExportedCheckpoint of(AuditCheckpoint cp) {
            return new ExportedCheckpoint(
                    cp.seq(),
                    cp.hash(),
                    cp.createdAt(),
                    cp.keyId(),
                    AuditCheckpoint.ALGORITHM,
                    cp.signedText(),
                    cp.signature());
        }
    }

    record CheckpointPage(List<ExportedCheckpoint> items, long total, int page, int size) {}

    @GetMapping("/checkpoints")
    CheckpointPage checkpoints(
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int size) {
        return new CheckpointPage(
                chain.checkpoints(size, page * size).stream()
                        .map(ExportedCheckpoint::of)
                        .toList(),
                chain.checkpointCount(),
                page,
                size);
    }

    /** A checkpoint exported earlier, posted back to be checked against the key and the chain as it is now. */
    record CheckpointToCheck(Long seq, String hash, Instant createdAt, String keyId, String signature) {}

    @PostMapping("/checkpoints/check")
    Map<String, Object> check(@RequestBody CheckpointToCheck in) {
        if (in.seq() == null || in.seq() < 1) {
            throw new InvalidInputException("缺少检查点序号 seq is required", "seq");
        }
        if (in.hash() == null || !in.hash().matches("[0-9a-f]{64}")) {
            throw new InvalidInputException("哈希值应为64位十六进制 hash must be 64 hex characters", "hash");
        }
        if (in.createdAt() == null) {
            throw new InvalidInputException("缺少签名时间 createdAt is required", "createdAt");
        }
        if (in.keyId() == null || in.keyId().isBlank() || in.keyId().length() > 64) {
            throw new InvalidInputException("缺少密钥标识 keyId is required", "keyId");
        }
        if (in.signature() == null || !in.signature().matches("[0-9a-fA-F]{64}")) {
            throw new InvalidInputException("签名应为64位十六进制 signature must be 64 hex characters", "signature");
        }
        String problem =
                chain.check(new AuditCheckpoint(in.seq(), in.hash(), in.createdAt(), in.keyId(), in.signature()));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("valid", problem == null);
        if (problem != null) {
            body.put("reason", problem);
        }
        return body;
    }
}
