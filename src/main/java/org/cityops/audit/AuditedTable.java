package org.cityops.audit;

import java.util.Collection;
import java.util.Map;

/**
 * Implemented (as a bean) by a module that records {@link RecordDigest}s of its own rows, so that a chain
 * verification can check those rows without reading the module's tables itself.
 */
public interface AuditedTable {

    /** The table this bean answers for, as in {@link RecordDigest#table()}. */
    String table();

    /**
     * The digests of the rows with these ids as they are now, computed exactly as when they were recorded; a row
     * that no longer exists is absent from the map.
     */
    Map<Long, String> currentDigests(Collection<Long> rowIds);
}
