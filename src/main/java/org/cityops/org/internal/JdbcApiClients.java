package org.cityops.org.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import org.cityops.audit.AuditTrail;
import org.cityops.org.ApiClients;
import org.cityops.platform.DbTime;
import org.cityops.platform.InvalidInputException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class JdbcApiClients implements ApiClients {

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;

    JdbcApiClients(JdbcClient jdbc, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<String> authenticate(String key, Purpose purpose) {
        if (key == null || key.isBlank() || key.length() > 200) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT name FROM api_client WHERE key_hash = :h AND purpose = :p AND enabled = TRUE")
                .param("h", sha256(key))
                .param("p", purpose.name())
                .query(String.class)
                .optional();
    }

    @Override
    @Transactional
    public long register(String name, String key, Purpose purpose) {
        if (key == null || key.length() < 12) {
            throw new InvalidInputException("密钥至少 12 个字符 key must have at least 12 characters", "key");
        }
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO api_client (name, key_hash, purpose, created_at) VALUES (:n, :h, :p, :at)")
                .param("n", name)
                .param("h", sha256(key))
                .param("p", purpose.name())
                .param("at", DbTime.toDb(Instant.now(clock)))
                .update(keys, "id");
        long id = keys.getKey().longValue();
        audit.record("API_CLIENT", Long.toString(id), "CREATE", null, name + " for " + purpose);
        return id;
    }

    @Override
    @Transactional
    public int revoke(String name, Purpose purpose) {
        int n = jdbc.sql("UPDATE api_client SET enabled = FALSE WHERE name = :n AND purpose = :p AND enabled = TRUE")
                .param("n", name)
                .param("p", purpose.name())
                .update();
        audit.record("API_CLIENT", name, "REVOKE", null, name + " for " + purpose + ": " + n + " key(s) disabled");
        return n;
    }

    @Override
    @Transactional(readOnly = true)
    public int active(String name, Purpose purpose) {
        return jdbc.sql("SELECT COUNT(*) FROM api_client WHERE name = :n AND purpose = :p AND enabled = TRUE")
                .param("n", name)
                .param("p", purpose.name())
                .query(Long.class)
                .single()
                .intValue();
    }

    static String sha256(String key) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
