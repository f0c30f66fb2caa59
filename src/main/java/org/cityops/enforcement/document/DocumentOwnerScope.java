package org.cityops.enforcement.document;

import org.cityops.org.StaffMember;

/**
 * Whether a staff member may see what a document belongs to (a case, a structure); 404 when not. The case check
 * lives here, the structure check in the construction package.
 */
public interface DocumentOwnerScope {

    DocumentType.Owner owner();

    /** Throws NotFoundException when {@code me} may not see the owner. */
    void requireVisible(long ownerId, StaffMember me);
}
