package org.cityops.stats.web;

import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.cityops.cases.CaseChannel;
import org.cityops.catalog.Catalog;
import org.cityops.catalog.CategoryView;
import org.cityops.org.DepartmentView;
import org.cityops.org.OrgDirectory;
import org.cityops.stats.internal.Dimension;
import org.cityops.stats.internal.StatsQuery;
import org.cityops.stats.internal.StatsRow;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/** Chinese names of the group keys, and the link from a number to the cases behind it. */
@Component
class StatsLabels {

    private final OrgDirectory org;
    private final Catalog catalog;
    private final Map<String, String> cache = new ConcurrentHashMap<>();

    StatsLabels(OrgDirectory org, Catalog catalog) {
        this.org = org;
        this.catalog = catalog;
    }

    String of(Dimension d, Object key) {
        if (key == null || key.toString().isEmpty()) {
            return "未知";
        }
        String k = key.toString();
        return switch (d) {
            case DISTRICT, STREET -> cache.computeIfAbsent(d + k, x -> org.nameOf(k));
            case GRID, DAY -> k;
            case MONTH -> k.length() == 6 ? k.substring(0, 4) + "-" + k.substring(4) : k;
            case CATEGORY ->
                cache.computeIfAbsent(
                        d + k,
                        x -> catalog.resolve(k)
                                .map(c -> c.majorName() + " / " + c.name())
                                .orElse(k));
            case CHANNEL -> channel(k);
            case DEPARTMENT ->
                cache.computeIfAbsent(
                        d + k,
                        x -> org.departmentByCode(k).map(DepartmentView::name).orElse(k));
        };
    }

    String categoryName(String code) {
        return catalog.resolve(code).map(CategoryView::name).orElse(code);
    }

    static String channel(String k) {
        for (CaseChannel c : CaseChannel.values()) {
            if (c.name().equals(k)) {
                return c.label();
            }
        }
        return k;
    }

    /** {@code /cases?…}: the case list filtered as far as its filters go (area, category, channel, dates). */
    String casesLink(StatsQuery q, StatsRow r) {
        UriComponentsBuilder b = UriComponentsBuilder.fromPath("/cases");
        LocalDate from = q.from();
        LocalDate to = q.to();
        String area = q.area();
        String category = q.category();
        for (int i = 0; i < r.keys().size(); i++) {
            Object key = r.keys().get(i);
            String k = key == null ? "" : key.toString();
            switch (q.groupBy().get(i)) {
                case DISTRICT, STREET, GRID -> area = k;
                case CATEGORY -> category = k;
                case CHANNEL -> b.queryParam("channel", k);
                case DEPARTMENT -> org.departmentByCode(k).ifPresent(dep -> b.queryParam("department", dep.id()));
                case DAY -> {
                    from = (LocalDate) key;
                    to = (LocalDate) key;
                }
                case MONTH -> {
                    int ym = ((Number) key).intValue();
                    from = LocalDate.of(ym / 100, ym % 100, 1);
                    to = from.plusMonths(1).minusDays(1);
                }
            }
        }
        if (area != null && area.length() >= 6) {
            // the case list filters by district only; a street or grid opens its district's list
            b.queryParam("district", area.substring(0, 6));
        }
        if (category != null && !category.isEmpty()) {
            b.queryParam("category", category);
        }
        b.queryParam("from", from).queryParam("to", to);
        return b.build().encode().toUriString();
    }
}
