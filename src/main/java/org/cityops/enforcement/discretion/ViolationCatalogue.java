package org.cityops.enforcement.discretion;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cityops.audit.AuditTrail;
import org.cityops.platform.DbTime;
import org.cityops.platform.InvalidInputException;
import org.cityops.platform.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The catalogue of 违法行为 with the discretion benchmark of each (自由裁量基准). Items are saved whole (item and
 * tiers together, audited); choosing a tier gives the allowed range and a generated 裁量理由.
 */
@Service
public class ViolationCatalogue {

    /** What the handler sees after choosing a tier: the range and the generated 裁量理由. */
    public record Choice(
            String itemCode, Tier tier, BigDecimal fineMin, BigDecimal fineMax, boolean inRange, String reason) {}

    private final JdbcClient jdbc;
    private final AuditTrail audit;

    ViolationCatalogue(JdbcClient jdbc, AuditTrail audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    public List<ViolationItem> list() {
        Map<Long, List<TierBenchmark>> tiers = new LinkedHashMap<>();
        jdbc.sql("SELECT item_id, tier, conditions, fine_min, fine_max FROM enf_discretion_tier")
                .query(rs -> {
                    tiers.computeIfAbsent(rs.getLong("item_id"), k -> new ArrayList<>())
                            .add(new TierBenchmark(
                                    Tier.valueOf(rs.getString("tier")),
                                    rs.getString("conditions"),
                                    rs.getBigDecimal("fine_min"),
                                    rs.getBigDecimal("fine_max")));
                });
        return jdbc.sql("SELECT id, code, name, clause, basis, penalty_kind FROM enf_violation_item ORDER BY code")
                .query((rs, n) -> new ViolationItem(
                        rs.getString("code"),
                        rs.getString("name"),
                        rs.getString("clause"),
                        rs.getString("basis"),
                        rs.getString("penalty_kind"),
                        tiers.getOrDefault(rs.getLong("id"), List.of()).stream()
                                .sorted((a, b) -> a.tier().compareTo(b.tier()))
                                .toList()))
                .list();
    }

    @Transactional(readOnly = true)
    public Optional<ViolationItem> find(String code) {
        return list().stream().filter(i -> i.code().equals(code)).findFirst();
    }

    public ViolationItem get(String code) {
        return find(code).orElseThrow(() -> new NotFoundException("违法行为不存在 unknown violation item", "itemCode"));
    }

    /** The range of a tier and the generated reason for a fine (the fine may be null: the range only). */
    public Choice choose(String code, Tier tier, BigDecimal fine) {
        ViolationItem item = get(code);
        TierBenchmark b = item.tier(tier)
                .orElseThrow(() -> new InvalidInputException("该违法行为没有此裁量档次 no such tier for the item", "tier"));
        return new Choice(
                code,
                tier,
                b.fineMin(),
                b.fineMax(),
                fine == null || b.allows(fine),
                DiscretionReason.of(item, b, fine));
    }

    /** Creates or replaces an item and its tiers; a problem of the table is a 400. */
    @Transactional
    public ViolationItem save(ViolationItem item) {
        List<String> problems = item.problems();
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems.get(0), "tiers");
        }
        Optional<ViolationItem> before = find(item.code());
        Long id = jdbc.sql("SELECT id FROM enf_violation_item WHERE code = :code")
                .param("code", item.code())
                .query(Long.class)
                .optional()
                .orElse(null);
        if (id == null) {
            jdbc.sql("INSERT INTO enf_violation_item (code, name, clause, basis, penalty_kind, created_at)"
                            + " VALUES (:code, :name, :clause, :basis, :kind, :at)")
                    .param("code", item.code())
                    .param("name", item.name())
                    .param("clause", item.clause())
                    .param("basis", item.basis())
                    .param("kind", item.penaltyKind())
                    .param("at", DbTime.toDb(DbTime.now()))
                    .update();
            id = jdbc.sql("SELECT id FROM enf_violation_item WHERE code = :code")
                    .param("code", item.code())
                    .query(Long.class)
                    .single();
        } else {
            jdbc.sql("UPDATE enf_violation_item SET name = :name, clause = :clause, basis = :basis,"
                            + " penalty_kind = :kind, version = version + 1 WHERE id = :id")
                    .param("name", item.name())
                    .param("clause", item.clause())
                    .param("basis", item.basis())
                    .param("kind", item.penaltyKind())
                    .param("id", id)
                    .update();
            jdbc.sql("DELETE FROM enf_discretion_tier WHERE item_id = :id")
                    .param("id", id)
                    .update();
        }
        for (TierBenchmark t : item.tiers()) {
            jdbc.sql("INSERT INTO enf_discretion_tier (item_id, tier, conditions, fine_min, fine_max)"
                            + " VALUES (:id, :tier, :conditions, :min, :max)")
                    .param("id", id)
                    .param("tier", t.tier().name())
                    .param("conditions", t.conditions())
                    .param("min", t.fineMin())
                    .param("max", t.fineMax())
                    .update();
        }
        audit.record(
                "ENF_ITEM",
                item.code(),
                before.isPresent() ? "UPDATE" : "CREATE",
                before.map(ViolationCatalogue::summary).orElse(null),
                summary(item));
        return item;
    }

    static String summary(ViolationItem i) {
        StringBuilder s = new StringBuilder(i.code()).append(' ').append(i.name());
        for (TierBenchmark t : i.tiers()) {
            s.append("; ")
                    .append(t.tier().label())
                    .append(' ')
                    .append(DiscretionReason.yuan(t.fineMin()))
                    .append('-')
                    .append(DiscretionReason.yuan(t.fineMax()));
        }
        return s.toString();
    }
}
