package org.cityops.enforcement.construction;

import org.cityops.enforcement.document.DocumentOwnerScope;
import org.cityops.enforcement.document.DocumentType;
import org.cityops.org.StaffMember;
import org.springframework.stereotype.Component;

/** A structure's documents are seen by whoever may see the structure. */
@Component
class StructureDocumentScope implements DocumentOwnerScope {

    private final StructureStore store;

    StructureDocumentScope(StructureStore store) {
        this.store = store;
    }

    @Override
    public DocumentType.Owner owner() {
        return DocumentType.Owner.STRUCTURE;
    }

    @Override
    public void requireVisible(long structureId, StaffMember me) {
        StructureViews.Structure s = store.find(structureId)
                .orElseThrow(() -> new org.cityops.platform.NotFoundException("违建不存在 structure not found"));
        if (!IllegalStructures.scope(me).matches(s.gridCode(), null, null)) {
            throw new org.cityops.platform.NotFoundException("违建不存在 structure not found");
        }
    }
}
