package org.cityops.sanitation.web;

import java.util.Map;
import org.cityops.org.StaffMember;
import org.cityops.sanitation.fleet.Fleet;
import org.cityops.sanitation.fleet.SanitationVehicle;
import org.cityops.sanitation.fleet.VehicleType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;

/** 环卫车辆 on the registers pages: plate, terminal, type, the work bit of the device, company, district and status. */
@Controller
@RequestMapping("/sanitation/registers/vehicles")
class VehicleRegisterPageController extends RegisterPage {

    private final Fleet fleet;
    private final CallerDistricts districts;

    VehicleRegisterPageController(Fleet fleet, CallerDistricts districts) {
        super("vehicles");
        this.fleet = fleet;
        this.districts = districts;
    }

    @Override
    void defaults(Map<String, Object> f) {
        f.put("plateColor", "2");
        f.put("type", VehicleType.SWEEPER.name());
        f.put("workBit", "20");
        f.put("status", "ACTIVE");
    }

    @Override
    void fill(long id, StaffMember me, Map<String, Object> f) {
        SanitationVehicle v = fleet.vehicle(id, me);
        f.put("plate", v.plate());
        f.put("plateColor", String.valueOf(v.plateColor()));
        f.put("terminal", v.terminal());
        f.put("type", v.type().name());
        f.put("workBit", String.valueOf(v.workBit()));
        f.put("company", nz(v.company()));
        f.put("districtCode", v.districtCode());
        f.put("status", v.status());
    }

    @Override
    long save(Long id, RegisterForm form, StaffMember me) {
        VehicleType type = form.choice("type", VehicleType.class, "请选择车辆类型 choose a vehicle type");
        int color = (int) form.number("plateColor", "车牌颜色须为数字 plate colour must be a number");
        int bit = (int) form.number("workBit", "作业状态位须为 0–31 的整数 work bit must be 0..31");
        String plate = form.text("plate");
        String terminal = form.text("terminal");
        String company = form.text("company");
        String district = form.text("districtCode");
        if (id == null) {
            return fleet.register(plate, color, terminal, type, bit, company, district, me)
                    .id();
        }
        return fleet.updateVehicle(id, plate, color, terminal, type, bit, company, district, form.text("status"), me)
                .id();
    }

    @Override
    void choices(StaffMember me, Model model) {
        model.addAttribute("types", VehicleType.values());
        model.addAttribute("districtChoices", districts.of(me));
    }
}
