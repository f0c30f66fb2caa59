package org.cityops.audit;

/**
 * Result of re-computing the hash chain.
 *
 * @param valid         true when every linked entry's hash matches its content and its predecessor
 * @param entries       how many linked entries were checked
 * @param firstBrokenSeq chain position of the first entry that does not match, or null
 * @param reason        why that entry fails, or null
 */
public record ChainVerification(boolean valid, long entries, Long firstBrokenSeq, String reason) {
}
