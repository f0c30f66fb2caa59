package org.cityops.sanitation.web;

import java.util.Map;
import org.cityops.org.StaffMember;
import org.cityops.sanitation.collection.CollectionPoint;
import org.cityops.sanitation.collection.CollectionRoutes;
import org.cityops.sanitation.collection.PointKind;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;

/** 收集点 on the registers pages: a bin (地埋桶) or a transfer station (转运站) at a point. */
@Controller
@RequestMapping("/sanitation/registers/points")
class PointRegisterPageController extends RegisterPage {

    private final CollectionRoutes routes;

    PointRegisterPageController(CollectionRoutes routes) {
        super("points");
        this.routes = routes;
    }

    @Override
    void defaults(Map<String, Object> f) {
        f.put("kind", PointKind.BIN.name());
    }

    @Override
    void fill(long id, StaffMember me, Map<String, Object> f) {
        CollectionPoint p = routes.point(id, me);
        f.put("code", p.code());
        f.put("name", p.name());
        f.put("kind", p.kind().name());
        f.put("lat", String.valueOf(p.lat()));
        f.put("lon", String.valueOf(p.lon()));
    }

    @Override
    long save(Long id, RegisterForm form, StaffMember me) {
        PointKind kind = form.choice("kind", PointKind.class, "请选择类型（地埋桶/转运站）choose a kind");
        double lat = form.decimal("lat");
        double lon = form.decimal("lon");
        String code = form.text("code");
        String name = form.text("name");
        return id == null
                ? routes.createPoint(code, name, kind, lat, lon, me, false).id()
                : routes.updatePoint(id, code, name, kind, lat, lon, me).id();
    }

    @Override
    void choices(StaffMember me, Model model) {
        model.addAttribute("pointKinds", PointKind.values());
    }
}
