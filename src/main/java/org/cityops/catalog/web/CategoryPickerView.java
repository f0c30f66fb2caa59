package org.cityops.catalog.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.cityops.catalog.internal.CategoryCodes;
import org.cityops.catalog.internal.picker.CategoryIndex;
import org.cityops.catalog.internal.picker.CategoryPicker;
import org.cityops.org.StaffMember;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * What the category picker shows, labelled for people: the JSON of the search endpoints and the plain
 * {@code <select>} the fragment {@code catalog/picker :: field} renders for browsers without JavaScript. Used in
 * templates as {@code @categoryPickerView}.
 */
@Component("categoryPickerView")
public class CategoryPickerView {

    /** The caller everyone who reports without signing in counts as (citizens' most reported categories). */
    static final String PUBLIC_USER = "public";

    static final int MAX = 500;

    /** {@code code} is what the form sends (qualified); {@code display} what people read (a local code without LOCAL:E:). */
    public record Item(
            String code,
            String display,
            String name,
            String group,
            String standard,
            String kind,
            String initials,
            long uses) {}

    public record Group(String label, boolean frequent, List<Item> items) {}

    public record Answer(String query, int total, boolean truncated, List<Group> groups) {}

    private final CategoryPicker picker;
    private final MessageSource messages;

    CategoryPickerView(CategoryPicker picker, MessageSource messages) {
        this.picker = picker;
        this.messages = messages;
    }

    /** The signed-in user's name, or the public reporter on a public page (or when nobody is signed in). */
    static String caller(StaffMember me, boolean publicForm) {
        return publicForm || me == null ? PUBLIC_USER : me.username();
    }

    /**
     * @param me         the signed-in staff member, or null (nobody signed in, or a machine client)
     * @param publicForm the public report form: "most used" are the citizens' most reported categories
     */
    public Answer search(StaffMember me, String query, boolean publicForm, int limit) {
        return answer(caller(me, publicForm), query, limit);
    }

    private Answer answer(String caller, String query, int limit) {
        int capped = Math.max(1, Math.min(limit, MAX));
        String q = query == null ? "" : query.strip();
        if (q.length() > 50) {
            q = q.substring(0, 50);
        }
        CategoryIndex.Result r = picker.search(q, caller, capped);
        Locale locale = LocaleContextHolder.getLocale();
        // name the standard only when both national code sets are shown (their majors share names)
        boolean several = picker.codeSets().contains(CategoryCodes.GB47678)
                && picker.codeSets().contains(CategoryCodes.GB30428);
        List<Group> groups = new ArrayList<>();
        for (CategoryIndex.Group g : r.groups()) {
            String label = g.frequent()
                    ? messages.getMessage("catalog.picker.frequent", null, "常用", locale)
                    : messages.getMessage(
                                    "catalog.kind." + g.kind(), null, g.kind().name(), locale) + " · " + g.majorCode()
                            + " " + g.majorName() + (several ? "（" + g.standard() + "）" : "");
            groups.add(new Group(
                    label,
                    g.frequent(),
                    g.items().stream()
                            .map(h -> new Item(
                                    h.category().qualifiedCode(),
                                    CategoryCodes.LOCAL.equals(h.category().standard())
                                            ? h.category().code()
                                            : h.category().qualifiedCode(),
                                    h.category().name(),
                                    h.category().majorName(),
                                    h.category().standard(),
                                    h.category().kind().name(),
                                    h.initials(),
                                    h.uses()))
                            .toList()));
        }
        return new Answer(r.query(), r.total(), r.truncated(), groups);
    }

    /**
     * Every category the city's users see, the caller's most used first: the {@code <select>} without JavaScript.
     *
     * @param username the signed-in user's name as the page shell has it ({@code currentUsername}), or null
     */
    public List<Group> groups(boolean publicForm, String username) {
        return answer(publicForm || username == null ? PUBLIC_USER : username, "", MAX)
                .groups();
    }
}
