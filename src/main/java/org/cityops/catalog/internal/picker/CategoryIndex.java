package org.cityops.catalog.internal.picker;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.cityops.catalog.CategoryKind;
import org.cityops.catalog.internal.Category;

/**
 * The category picker's search over active categories, free of Spring and storage: by name, by code (plain or
 * qualified) and by pinyin initials ({@code bllj} → 暴露垃圾), restricted to the code sets the city shows, answered
 * as the caller's most used categories first, then the rest grouped by 大类. Immutable; built from a catalogue
 * snapshot.
 */
public final class CategoryIndex {

    /** Match quality, better first. */
    enum Match {
        CODE_EXACT,
        CODE_PREFIX,
        NAME_EXACT,
        NAME_PREFIX,
        NAME_CONTAINS,
        INITIALS_PREFIX,
        INITIALS,
        MAJOR,
        ALL
    }

    record Entry(
            Category category,
            List<String> initials,
            String initialsText,
            String name,
            String code,
            String qualifiedCode,
            String majorName) {}

    /** One category found, with how well it matched and how often the caller used it. */
    public record Hit(Category category, String initials, Match match, long uses) {}

    /** A group of the answer: the caller's most used ({@code frequent}), or one 大类 of one code set. */
    public record Group(
            boolean frequent,
            String standard,
            CategoryKind kind,
            String majorCode,
            String majorName,
            List<Hit> items) {}

    public record Result(String query, int total, boolean truncated, List<Group> groups) {}

    private final List<Entry> entries;

    private CategoryIndex(List<Entry> entries) {
        this.entries = entries;
    }

    public static CategoryIndex of(Collection<Category> categories) {
        List<Entry> entries = new ArrayList<>();
        for (Category c : categories) {
            if (!c.active()) {
                continue;
            }
            List<String> initials = PinyinInitials.of(c.name());
            entries.add(new Entry(
                    c,
                    initials,
                    PinyinInitials.primary(initials),
                    lower(c.name()),
                    lower(c.code()),
                    lower(c.qualifiedCode()),
                    lower(c.majorName())));
        }
        return new CategoryIndex(List.copyOf(entries));
    }

    public int size() {
        return entries.size();
    }

    /**
     * @param standards which code sets the caller sees, in the city's order (empty: all)
     * @param usage     the caller's uses per category id (most used first in the answer)
     * @param limit     at most this many categories in the answer
     * @param frequent  at most this many in the "most used" group
     */
    public Result search(String query, List<String> standards, Map<Long, Long> usage, int limit, int frequent) {
        String q = query == null ? "" : lower(query.strip());
        boolean pinyin = q.chars().allMatch(ch -> (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9'));
        Set<String> allowed = Set.copyOf(standards);
        List<Hit> hits = new ArrayList<>();
        for (Entry e : entries) {
            if (!allowed.isEmpty() && !allowed.contains(e.category().standard())) {
                continue;
            }
            Match m = match(e, q, pinyin);
            if (m != null) {
                hits.add(new Hit(
                        e.category(),
                        e.initialsText(),
                        m,
                        usage.getOrDefault(e.category().id(), 0L)));
            }
        }
        Comparator<Hit> byStandard = Comparator.comparingInt(
                h -> standardRank(standards, h.category().standard()));
        Comparator<Hit> order = Comparator.comparing(Hit::match)
                .thenComparing(byStandard)
                .thenComparing(h -> h.category().kind() == CategoryKind.EVENT ? 0 : 1)
                .thenComparing(h -> h.category().code());
        hits.sort(order);
        int total = hits.size();
        List<Hit> top = hits.stream()
                .filter(h -> h.uses() > 0)
                .sorted(Comparator.comparingLong(Hit::uses).reversed().thenComparing(order))
                .limit(Math.min(frequent, limit))
                .toList();
        List<Group> groups = new ArrayList<>();
        if (!top.isEmpty()) {
            groups.add(new Group(true, null, null, null, null, top));
        }
        Set<Long> shown = new java.util.HashSet<>();
        top.forEach(h -> shown.add(h.category().id()));
        int room = limit - top.size();
        Map<String, List<Hit>> byMajor = new LinkedHashMap<>();
        for (Hit h : hits) {
            if (room <= 0) {
                break;
            }
            if (shown.add(h.category().id())) {
                Category c = h.category();
                byMajor.computeIfAbsent(c.standard() + "|" + c.kind() + "|" + c.majorCode(), k -> new ArrayList<>())
                        .add(h);
                room--;
            }
        }
        // groups in the order of their best hit; inside a group, categories by code when browsing, by match otherwise
        for (List<Hit> items : byMajor.values()) {
            if (q.isEmpty()) {
                items.sort(Comparator.comparing(h -> h.category().code()));
            }
            Category c = items.get(0).category();
            groups.add(new Group(false, c.standard(), c.kind(), c.majorCode(), c.majorName(), List.copyOf(items)));
        }
        if (q.isEmpty()) {
            groups.sort(Comparator.comparing((Group g) -> !g.frequent())
                    .thenComparingInt(g -> g.frequent() ? 0 : standardRank(standards, g.standard()))
                    .thenComparing(g -> g.kind() == null || g.kind() == CategoryKind.EVENT ? 0 : 1)
                    .thenComparing(g -> g.majorCode() == null ? "" : g.majorCode()));
        }
        int shownCount = groups.stream().mapToInt(g -> g.items().size()).sum();
        return new Result(query == null ? "" : query.strip(), total, shownCount < total, groups);
    }

    private static Match match(Entry e, String q, boolean pinyin) {
        if (q.isEmpty()) {
            return Match.ALL;
        }
        if (e.code().equals(q) || e.qualifiedCode().equals(q)) {
            return Match.CODE_EXACT;
        }
        if (e.qualifiedCode().startsWith(q)
                || (q.chars().allMatch(Character::isDigit) && e.code().startsWith(q))) {
            return Match.CODE_PREFIX;
        }
        if (e.name().equals(q)) {
            return Match.NAME_EXACT;
        }
        if (e.name().startsWith(q)) {
            return Match.NAME_PREFIX;
        }
        if (e.name().contains(q)) {
            return Match.NAME_CONTAINS;
        }
        if (pinyin) {
            int at = PinyinInitials.find(e.initials(), q);
            if (at == 0) {
                return Match.INITIALS_PREFIX;
            }
            if (at > 0) {
                return Match.INITIALS;
            }
        }
        if (e.majorName().contains(q)) {
            return Match.MAJOR;
        }
        return null;
    }

    private static int standardRank(List<String> standards, String standard) {
        int i = standards.indexOf(standard);
        return i < 0 ? standards.size() : i;
    }

    private static String lower(String s) {
        return s == null ? "" : s.toLowerCase(Locale.ROOT);
    }
}
