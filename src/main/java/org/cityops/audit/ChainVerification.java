package org.cityops.audit;

/**
 * Result of checking the hash chain.
 *
 * @param valid          true when every checked entry's hash matches its content and its predecessor, the chain
 *                       ends at the stored chain head, and every checkpoint met carries a valid signature
 * @param entries        how many linked entries were checked
 * @param firstBrokenSeq chain position of the first entry that does not match, or null
 * @param reason         why that entry fails, or null
 * @param fromSeq        the chain position the check started after: 0 for a full verification, else the signed
 *                       checkpoint it trusted (entries up to it were not read again)
 * @param headSeq        the stored chain head's position (the newest linked entry)
 * @param full           whether this was a full re-verification from the first entry
 */
public record ChainVerification(
        boolean valid, long entries, Long firstBrokenSeq, String reason, long fromSeq, long headSeq, boolean full) {

    public ChainVerification(boolean valid, long entries, Long firstBrokenSeq, String reason) {
        this(valid, entries, firstBrokenSeq, reason, 0, 0, true);
    }
}
