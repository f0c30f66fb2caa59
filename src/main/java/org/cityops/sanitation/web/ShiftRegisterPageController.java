package org.cityops.sanitation.web;

import java.util.Map;
import org.cityops.org.StaffMember;
import org.cityops.sanitation.attendance.Shift;
import org.cityops.sanitation.attendance.ShiftDays;
import org.cityops.sanitation.attendance.Shifts;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;

/** 班次 on the registers pages: a daily window, every day or on working days (403 to open one workers outside the caller's area are on). */
@Controller
@RequestMapping("/sanitation/registers/shifts")
class ShiftRegisterPageController extends RegisterPage {

    private final Shifts shifts;

    ShiftRegisterPageController(Shifts shifts) {
        super("shifts");
        this.shifts = shifts;
    }

    @Override
    void defaults(Map<String, Object> f) {
        f.put("start", "05:00");
        f.put("end", "11:00");
        f.put("days", ShiftDays.EVERY_DAY.name());
    }

    @Override
    void fill(long id, StaffMember me, Map<String, Object> f) {
        Shift s = shifts.shiftToEdit(id, me);
        f.put("name", s.name());
        f.put("start", s.start());
        f.put("end", s.end());
        f.put("days", s.days().name());
    }

    @Override
    long save(Long id, RegisterForm form, StaffMember me) {
        ShiftDays days = form.choice("days", ShiftDays.class, "请选择执行日（每天/工作日）choose the days");
        String name = form.text("name");
        String start = form.text("start");
        String end = form.text("end");
        return id == null
                ? shifts.createShift(name, start, end, days, me).id()
                : shifts.updateShift(id, name, start, end, days, me).id();
    }

    @Override
    void choices(StaffMember me, Model model) {
        model.addAttribute("shiftDays", ShiftDays.values());
    }
}
