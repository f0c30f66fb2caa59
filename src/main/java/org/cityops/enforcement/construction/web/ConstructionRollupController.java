package org.cityops.enforcement.construction.web;

import java.time.LocalDate;
import org.cityops.enforcement.construction.ConstructionCaseRollups;
import org.cityops.org.CurrentActor;
import org.cityops.org.OrgDirectory;
import org.cityops.org.OrgUnitKind;
import org.cityops.org.StaffMember;
import org.cityops.platform.CityClock;
import org.cityops.platform.excel.XlsxDownload;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/** 12319违建汇总: the page, the JSON and the .xlsx of the 违建 cases and deductions per district and month. */
@Controller
@PreAuthorize("hasAnyRole('ADMIN','ENFORCEMENT_OFFICER','LEGAL_REVIEWER','LEADER')")
class ConstructionRollupController {

    private final ConstructionCaseRollups rollups;
    private final OrgDirectory org;

    ConstructionRollupController(ConstructionCaseRollups rollups, OrgDirectory org) {
        this.rollups = rollups;
        this.org = org;
    }

    private static int yearOr(Integer year) {
        return year == null ? LocalDate.now(CityClock.ZONE).getYear() : year;
    }

    @GetMapping("/enforcement/structures/rollup")
    String page(
            @CurrentActor StaffMember me,
            @RequestParam(required = false) Integer year,
            @RequestParam(required = false) String district,
            Model model) {
        model.addAttribute("rollup", rollups.of(me, yearOr(year), district));
        model.addAttribute("districts", org.unitsOfKind(OrgUnitKind.DISTRICT));
        return "enforcement/construction/rollup";
    }

    @GetMapping("/api/v1/enforcement/structures/rollup")
    @ResponseBody
    ConstructionCaseRollups.Rollup json(
            @CurrentActor StaffMember me,
            @RequestParam(required = false) Integer year,
            @RequestParam(required = false) String district) {
        return rollups.of(me, yearOr(year), district);
    }

    @GetMapping({"/enforcement/structures/rollup.xlsx", "/api/v1/enforcement/structures/rollup.xlsx"})
    ResponseEntity<byte[]> xlsx(
            @CurrentActor StaffMember me,
            @RequestParam(required = false) Integer year,
            @RequestParam(required = false) String district) {
        ConstructionCaseRollups.Rollup r = rollups.of(me, yearOr(year), district);
        return XlsxDownload.download("12319违建汇总" + r.year() + ".xlsx", rollups.xlsx(r));
    }
}
