package org.cityops.sanitation.web;

import java.util.Map;
import org.cityops.org.StaffMember;
import org.cityops.sanitation.attendance.Shifts;
import org.cityops.sanitation.attendance.WorkerPosts;
import org.cityops.sanitation.attendance.Workers;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * 作业人员 on the registers pages: a worker with the device's terminal, post and shift. The phone is shown masked and a
 * blank phone keeps the number on file.
 */
@Controller
@RequestMapping("/sanitation/registers/workers")
class WorkerRegisterPageController extends RegisterPage {

    private final Workers workers;
    private final WorkerPosts posts;
    private final Shifts shifts;

    WorkerRegisterPageController(Workers workers, WorkerPosts posts, Shifts shifts) {
        super("workers");
        this.workers = workers;
        this.posts = posts;
        this.shifts = shifts;
    }

    @Override
    void defaults(Map<String, Object> f) {
        f.put("active", "true");
    }

    @Override
    void fill(long id, StaffMember me, Map<String, Object> f) {
        var w = workers.worker(id, me);
        f.put("name", w.name());
        f.put("maskedPhone", w.maskedPhone());
        f.put("terminal", w.terminal());
        f.put("postId", String.valueOf(w.postId()));
        f.put("shiftId", String.valueOf(w.shiftId()));
        f.put("active", String.valueOf(w.active()));
    }

    @Override
    long save(Long id, RegisterForm form, StaffMember me) {
        long post = form.number("postId", "请选择岗位 choose a post");
        long shift = form.number("shiftId", "请选择班次 choose a shift");
        String name = form.text("name");
        String phone = form.text("phone");
        String terminal = form.text("terminal");
        return id == null
                ? workers.createWorker(name, phone, terminal, post, shift, me, false)
                        .id()
                : workers.updateWorker(id, name, phone, terminal, post, shift, form.checked("active"), me)
                        .id();
    }

    /** The form never sends the phone back unmasked: the refused form shows the masked number again. */
    @Override
    void refill(Long id, StaffMember me, Map<String, Object> f) {
        if (id != null) {
            f.put("maskedPhone", workers.worker(id, me).maskedPhone());
        }
    }

    @Override
    void choices(StaffMember me, Model model) {
        model.addAttribute("postChoices", posts.posts(me));
        model.addAttribute("shifts", shifts.shifts());
    }
}
