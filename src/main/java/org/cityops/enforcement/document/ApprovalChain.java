package org.cityops.enforcement.document;

import java.util.Collection;
import java.util.Optional;
import java.util.Set;

/**
 * Who may sign which level of a document's approval chain (承办人 → 部门负责人 → 分管负责人). The mapping to
 * the platform's roles and data scope (no Spring, no SQL; {@code ApprovalChainTests}):
 *
 * <ul>
 *   <li>承办人: the 执法队员 ({@code ENFORCEMENT_OFFICER}) who drafts the document signs it by drafting.
 *   <li>部门负责人: a 法制审核员 ({@code LEGAL_REVIEWER}) or a 领导 ({@code LEADER}) whose area covers the case —
 *       the platform has no 中队长/科室负责人 role yet; the 支队's 法制 desk stands for it.
 *   <li>分管负责人: a 领导 ({@code LEADER}) with the city-wide data scope (全市).
 * </ul>
 *
 * Three different people sign: nobody signs two levels of one document. Administrators do not sign.
 */
public final class ApprovalChain {

    /** Why a signature is refused; {@code forbidden} when the role is wrong (403), else a conflict (409). */
    public record Refusal(String text, boolean forbidden) {}

    private ApprovalChain() {}

    public static Optional<Refusal> mayDraft(Set<String> roles) {
        return roles.contains("ENFORCEMENT_OFFICER")
                ? Optional.empty()
                : Optional.of(new Refusal("只有执法队员（承办人）可以制作文书 only an enforcement officer drafts documents", true));
    }

    /**
     * @param level       the level to sign (the document's next level)
     * @param signer      the signer's username
     * @param roles       the signer's roles
     * @param cityWide    whether the signer's data scope is the whole city
     * @param earlier     who signed the earlier levels
     */
    public static Optional<Refusal> maySign(
            ApprovalLevel level, String signer, Set<String> roles, boolean cityWide, Collection<String> earlier) {
        if (level == null) {
            return Optional.of(new Refusal("该文书已签发或已退回 the document is no longer awaiting approval", false));
        }
        switch (level) {
            case HANDLER -> {
                return mayDraft(roles);
            }
            case DEPARTMENT -> {
                if (!roles.contains("LEGAL_REVIEWER") && !roles.contains("LEADER")) {
                    return Optional.of(new Refusal(
                            "部门负责人审批须由法制审核员或领导签署 the department level is signed by a legal reviewer or a leader",
                            true));
                }
            }
            case DEPUTY -> {
                if (!roles.contains("LEADER") || !cityWide) {
                    return Optional.of(
                            new Refusal("分管负责人审批须由全市范围的领导签署 the deputy level is signed by a city-wide leader", true));
                }
            }
        }
        if (earlier.contains(signer)) {
            return Optional.of(
                    new Refusal("同一人不能签署同一文书的两级审批 one person may not sign two levels of one document", false));
        }
        return Optional.empty();
    }
}
