package org.cityops.streetfront.zone.web;

import java.io.IOException;
import org.cityops.org.CurrentActor;
import org.cityops.org.Role;
import org.cityops.org.StaffMember;
import org.cityops.platform.DomainException;
import org.cityops.platform.NotFoundException;
import org.cityops.platform.web.FormRefusal;
import org.cityops.streetfront.zone.ItemResult;
import org.cityops.streetfront.zone.Parties;
import org.cityops.streetfront.zone.ResponsibilityLetters;
import org.cityops.streetfront.zone.Zone;
import org.cityops.streetfront.zone.ZoneDraft;
import org.cityops.streetfront.zone.ZoneInspection;
import org.cityops.streetfront.zone.ZoneInspections;
import org.cityops.streetfront.zone.ZoneItem;
import org.cityops.streetfront.zone.ZoneRates;
import org.cityops.streetfront.zone.Zones;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Pages of 门前三包: the zone ledger (create, import, export), one zone with its 责任书 (download, sign by scan or on
 * screen, 上墙 photo) and inspections, the phone pages to inspect (list → zone → save: at most three taps), the
 * three rates, one party (its signs, zones and cases).
 */
@Controller
@PreAuthorize(ZoneRoles.READ)
class ZonePageController {

    private final Zones zones;
    private final ResponsibilityLetters letters;
    private final ZoneInspections inspections;
    private final ZoneRates rates;
    private final Parties parties;

    ZonePageController(
            Zones zones, ResponsibilityLetters letters, ZoneInspections inspections, ZoneRates rates, Parties parties) {
        this.zones = zones;
        this.letters = letters;
        this.inspections = inspections;
        this.rates = rates;
        this.parties = parties;
    }

    @GetMapping("/streetfront/zones")
    String list(
            @CurrentActor StaffMember me,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String party,
            Model model) {
        model.addAttribute("q", q);
        model.addAttribute("zones", zones.list(me, party, null, q));
        model.addAttribute("canManage", me.hasAny(Role.ADMIN, Role.LEADER, Role.STREETFRONT_SUPERVISOR));
        return "streetfront/zone/list";
    }

    @PostMapping("/streetfront/zones")
    @PreAuthorize(ZoneRoles.MANAGE)
    String create(
            @CurrentActor StaffMember me,
            @RequestParam(required = false) String code,
            @RequestParam(required = false) String name,
            @RequestParam(required = false) String partyName,
            @RequestParam(required = false) String partyCreditCode,
            @RequestParam(required = false) String contactName,
            @RequestParam(required = false) String contactPhone,
            @RequestParam(required = false) String address,
            @RequestParam(required = false) String polygon,
            @RequestParam(required = false) String overlapReason,
            RedirectAttributes redirect) {
        ZoneDraft d = new ZoneDraft(
                code, name, partyName, partyCreditCode, contactName, contactPhone, address, polygon, overlapReason);
        try {
            Zone z = zones.create(d, me, false);
            redirect.addFlashAttribute("created", true);
            return "redirect:/streetfront/zones/" + z.id();
        } catch (DomainException e) {
            return FormRefusal.redirect(redirect, e, d, "/streetfront/zones");
        }
    }

    @PostMapping("/streetfront/zones/import")
    @PreAuthorize(ZoneRoles.MANAGE)
    String importZones(
            @CurrentActor StaffMember me,
            @RequestParam(value = "file", required = false) MultipartFile file,
            RedirectAttributes redirect)
            throws IOException {
        if (file == null || file.isEmpty()) {
            redirect.addFlashAttribute("error", "请选择 .xlsx 文件 choose an .xlsx file");
            return "redirect:/streetfront/zones";
        }
        try {
            redirect.addFlashAttribute("report", zones.importXlsx(file.getInputStream(), me));
        } catch (DomainException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/streetfront/zones";
    }

    @GetMapping("/streetfront/zones/{id}")
    String zone(@CurrentActor StaffMember me, @PathVariable long id, Model model) {
        Zone z = zones.get(id, me);
        model.addAttribute("z", z);
        model.addAttribute("inspections", inspections.history(id, me));
        model.addAttribute("items", ZoneItem.values());
        model.addAttribute("canField", me.hasAny(Role.ADMIN, Role.INSPECTOR, Role.STREETFRONT_SUPERVISOR));
        model.addAttribute(
                "hasScan",
                letters.file(id, ResponsibilityLetters.FileKind.SCAN, me).isPresent());
        model.addAttribute(
                "hasSignature",
                letters.file(id, ResponsibilityLetters.FileKind.SIGNATURE, me).isPresent());
        model.addAttribute(
                "hasPhoto",
                letters.file(id, ResponsibilityLetters.FileKind.POSTED, me).isPresent());
        return "streetfront/zone/zone";
    }

    @PostMapping("/streetfront/zones/{id}/letter/scan")
    @PreAuthorize(ZoneRoles.FIELD)
    String scan(
            @CurrentActor StaffMember me,
            @PathVariable long id,
            @RequestParam(value = "file", required = false) MultipartFile file,
            @RequestParam(required = false) String signerName,
            RedirectAttributes redirect)
            throws IOException {
        try {
            letters.signByScan(
                    id,
                    file == null ? null : file.getOriginalFilename(),
                    file == null ? null : file.getBytes(),
                    signerName,
                    me);
            redirect.addFlashAttribute("done", "signed");
        } catch (DomainException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/streetfront/zones/" + id;
    }

    @PostMapping("/streetfront/zones/{id}/letter/signature")
    @PreAuthorize(ZoneRoles.FIELD)
    String signature(
            @CurrentActor StaffMember me,
            @PathVariable long id,
            @RequestParam(required = false) String signature,
            @RequestParam(required = false) String signerName,
            RedirectAttributes redirect) {
        try {
            letters.signOnScreen(id, signature, signerName, me);
            redirect.addFlashAttribute("done", "signed");
        } catch (DomainException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/streetfront/zones/" + id;
    }

    @PostMapping("/streetfront/zones/{id}/letter/posted")
    @PreAuthorize(ZoneRoles.FIELD)
    String posted(
            @CurrentActor StaffMember me,
            @PathVariable long id,
            @RequestParam(value = "photo", required = false) MultipartFile photo,
            RedirectAttributes redirect)
            throws IOException {
        try {
            letters.posted(
                    id,
                    photo == null ? null : photo.getOriginalFilename(),
                    photo == null ? null : photo.getBytes(),
                    me);
            redirect.addFlashAttribute("done", "posted");
        } catch (DomainException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/streetfront/zones/" + id;
    }

    @GetMapping("/streetfront/zones/{id}/letter.docx")
    ResponseEntity<byte[]> letter(@CurrentActor StaffMember me, @PathVariable long id) {
        byte[] docx = letters.docx(id, me);
        return ResponseEntity.ok()
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(
                                        "门前三包责任书-" + zones.get(id, me).code() + ".docx",
                                        java.nio.charset.StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .contentType(MediaType.parseMediaType(ResponsibilityLetters.DOCX))
                .body(docx);
    }

    /** A letter's stored file (the scan, the signature, the 上墙 photo), inline. */
    @GetMapping("/streetfront/zones/{id}/files/{kind}")
    ResponseEntity<byte[]> file(@CurrentActor StaffMember me, @PathVariable long id, @PathVariable String kind) {
        ResponsibilityLetters.FileKind k;
        try {
            k = ResponsibilityLetters.FileKind.valueOf(kind.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("文件不存在 file not found");
        }
        ResponsibilityLetters.LetterFile f =
                letters.file(id, k, me).orElseThrow(() -> new NotFoundException("文件不存在 file not found"));
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline")
                .header("X-Content-Type-Options", "nosniff")
                .contentType(MediaType.parseMediaType(f.contentType()))
                .body(f.data());
    }

    /** Phone: the zones to inspect (tap 1 opens one). */
    @GetMapping("/streetfront/zones/inspect")
    @PreAuthorize(ZoneRoles.FIELD)
    String inspectList(@CurrentActor StaffMember me, @RequestParam(required = false) String q, Model model) {
        model.addAttribute("q", q);
        model.addAttribute("zones", zones.list(me, null, null, q));
        model.addAttribute("today", inspections.inspectedToday(me));
        return "streetfront/zone/inspect-list";
    }

    /** Phone: one zone's items, each 合格 until tapped (tap 2), and save (tap 3). */
    @GetMapping("/streetfront/zones/{id}/inspect")
    @PreAuthorize(ZoneRoles.FIELD)
    String inspectForm(@CurrentActor StaffMember me, @PathVariable long id, Model model) {
        model.addAttribute("z", zones.get(id, me));
        model.addAttribute("items", ZoneItem.values());
        model.addAttribute("results", ItemResult.values());
        return "streetfront/zone/inspect";
    }

    @PostMapping("/streetfront/zones/{id}/inspections")
    @PreAuthorize(ZoneRoles.FIELD)
    String inspect(
            @CurrentActor StaffMember me,
            @PathVariable long id,
            @RequestParam(required = false) String cityscape,
            @RequestParam(required = false) String sanitation,
            @RequestParam(required = false) String order,
            @RequestParam(required = false) String greenery,
            @RequestParam(required = false) String note,
            RedirectAttributes redirect) {
        try {
            ZoneInspection i =
                    inspections.record(id, ZoneForms.items(cityscape, sanitation, order, greenery), note, me);
            redirect.addFlashAttribute("recorded", i);
            redirect.addFlashAttribute("recordedZone", zones.get(id, me));
            return "redirect:/streetfront/zones/inspect";
        } catch (DomainException e) {
            return FormRefusal.redirect(redirect, e, "/streetfront/zones/" + id + "/inspect");
        }
    }

    @GetMapping("/streetfront/zones/rates")
    String rates(@CurrentActor StaffMember me, @RequestParam(required = false) String month, Model model) {
        try {
            model.addAttribute("report", rates.of(month, me));
        } catch (DomainException e) {
            model.addAttribute("error", e.getMessage());
            model.addAttribute("report", rates.of(null, me));
        }
        return "streetfront/zone/rates";
    }

    @GetMapping("/streetfront/parties/{creditCode}")
    String party(@CurrentActor StaffMember me, @PathVariable String creditCode, Model model) {
        model.addAttribute("p", parties.of(creditCode, me));
        return "streetfront/zone/party";
    }
}
