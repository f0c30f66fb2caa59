package org.cityops.sanitation.web;

import java.util.Map;
import org.cityops.org.StaffMember;
import org.cityops.sanitation.attendance.Post;
import org.cityops.sanitation.attendance.WorkerPosts;
import org.cityops.sanitation.ledger.Segments;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;

/** 作业岗位 on the registers pages: a post's polygon drawn on the map or pasted as GeoJSON/WKT, and its segments. */
@Controller
@RequestMapping("/sanitation/registers/posts")
class PostRegisterPageController extends RegisterPage {

    private final WorkerPosts posts;
    private final Segments segments;

    PostRegisterPageController(WorkerPosts posts, Segments segments) {
        super("posts");
        this.posts = posts;
        this.segments = segments;
    }

    @Override
    void fill(long id, StaffMember me, Map<String, Object> f) {
        Post p = posts.post(id, me);
        f.put("code", p.code());
        f.put("name", p.name());
        f.put("wkt", p.wkt());
        f.put("section", nz(p.section()));
        f.put("company", nz(p.company()));
        f.put("segmentIds", p.segmentIds().stream().map(String::valueOf).toList());
    }

    @Override
    long save(Long id, RegisterForm form, StaffMember me) {
        var d = new WorkerPosts.PostDraft(
                form.text("code"),
                form.text("name"),
                form.text("wkt"),
                form.text("section"),
                form.text("company"),
                form.ids("segmentIds"));
        return id == null
                ? posts.createPost(d, me, false).id()
                : posts.updatePost(id, d, me).id();
    }

    @Override
    void choices(StaffMember me, Model model) {
        model.addAttribute("segments", segments.list(me));
    }
}
