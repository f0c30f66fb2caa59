package org.cityops.cases.internal;

import org.cityops.org.StaffMember;
import org.cityops.platform.InvalidInputException;
import org.springframework.stereotype.Service;

/**
 * 合并: people name the case to merge into by its number (案卷编号), not by an internal id. A number the caller may
 * not see reads as unknown (the answer does not tell whether such a case exists elsewhere).
 */
@Service
public class MergeTargets {

    private final CaseRepository cases;

    MergeTargets(CaseRepository cases) {
        this.cases = cases;
    }

    /** @throws InvalidInputException (field {@code mergeIntoNumber}) when blank, unknown or outside the scope */
    public long idOf(String caseNumber, StaffMember who) {
        if (caseNumber == null || caseNumber.isBlank()) {
            throw new InvalidInputException("请填写要合并到的案卷编号 case number is required", "mergeIntoNumber");
        }
        String number = caseNumber.strip();
        return cases.findByNumber(number)
                .filter(c -> CaseScope.sees(who, c))
                .map(c -> c.id)
                .orElseThrow(() -> new InvalidInputException(
                        "没有编号为" + number + "的案卷 no case numbered " + number, "mergeIntoNumber"));
    }
}
